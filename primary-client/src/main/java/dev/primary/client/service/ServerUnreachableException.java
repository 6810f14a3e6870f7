package dev.primary.client.service;

/**
 * Lost contact: no connection, a timeout, a TLS key that is not the pinned one, an answer that is
 * not the protocol's, or a 5xx. The message is the cause in a few words ("connection refused").
 */
public final class ServerUnreachableException extends ContactFailedException {
    public ServerUnreachableException(String message) {
        super(message);
    }

    public ServerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
