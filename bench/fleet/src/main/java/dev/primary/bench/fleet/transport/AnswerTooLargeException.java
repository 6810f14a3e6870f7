package dev.primary.bench.fleet.transport;

/** An answer whose body was to be kept is larger than the transport keeps: a protocol error. */
public final class AnswerTooLargeException extends java.io.IOException {
    public AnswerTooLargeException(long limit) {
        super("the answer's body is larger than " + limit + " bytes");
    }
}
