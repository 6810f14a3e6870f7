package dev.primary.server;

import dev.primary.protocol.message.ProblemType;

/**
 * The one family of failures the Primary Server reports to its callers. Each subclass says what
 * failed; {@link #problemType()} maps it to its HTTP status and problem JSON in one place, the
 * HTTP edge.
 */
public abstract class PrimaryException extends RuntimeException {
    private final ProblemType problemType;

    protected PrimaryException(ProblemType problemType, String message) {
        super(message);
        this.problemType = problemType;
    }

    protected PrimaryException(ProblemType problemType, String message, Throwable cause) {
        super(message, cause);
        this.problemType = problemType;
    }

    public ProblemType problemType() {
        return problemType;
    }
}
