package dev.primary.server.http;

/** A listener cannot open its port: already in use, or an address this host does not have. */
public final class ListenerBindException extends RuntimeException {
    public ListenerBindException(String message, Throwable cause) {
        super(message, cause);
    }
}
