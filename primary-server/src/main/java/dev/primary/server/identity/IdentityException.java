package dev.primary.server.identity;

/** The server's identity (id, keys, certificate, admin token) cannot be read or made; the message says which file and why. */
public final class IdentityException extends RuntimeException {
    public IdentityException(String message) {
        super(message);
    }

    public IdentityException(String message, Throwable cause) {
        super(message, cause);
    }
}
