package dev.primary.protocol.json;

/** A JSON document that is not well-formed, or does not match the message it should be. */
public final class MalformedJsonException extends RuntimeException {
    public MalformedJsonException(String message) {
        super(message);
    }
}
