package dev.primary.server.licensing;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/** A client request whose signature does not verify with the client's key. */
public final class ClientSignatureInvalidException extends PrimaryException {
    public ClientSignatureInvalidException(String message) {
        super(ProblemType.SIGNATURE_INVALID, message);
    }
}
