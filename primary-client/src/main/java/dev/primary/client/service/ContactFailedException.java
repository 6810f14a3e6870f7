package dev.primary.client.service;

/**
 * A request to the Primary Server did not get a usable answer. The message completes the
 * sentence "{@code <host:port>} ..." or, for {@link ServerUnreachableException}, says why it
 * cannot be reached ("connection refused").
 */
public sealed class ContactFailedException extends Exception
        permits ServerUnreachableException, RequestRefusedException {
    public ContactFailedException(String message) {
        super(message);
    }

    public ContactFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
