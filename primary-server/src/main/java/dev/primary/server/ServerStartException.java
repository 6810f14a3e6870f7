package dev.primary.server;

/** The server could not start; the message says what to fix (port in use, data directory locked, ...). */
public final class ServerStartException extends RuntimeException {
    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
