package dev.primary.protocol.crypto;

/** A signed document (lease, license, unlock) is of the wrong kind, altered, or signed by an untrusted key. */
public final class DocumentSignatureInvalidException extends RuntimeException {
    public DocumentSignatureInvalidException(String message) {
        super(message);
    }
}
