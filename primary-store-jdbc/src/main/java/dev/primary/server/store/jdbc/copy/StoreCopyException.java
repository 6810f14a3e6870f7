package dev.primary.server.store.jdbc.copy;

/** Why a copy or a verification of a store did not happen or did not pass; the message is one line for an operator. */
public final class StoreCopyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What failed, for the caller's exit code. */
    public enum Reason {
        /** A server has the source open (its lock is held). */
        SOURCE_IN_USE,
        /** The source is no Primary store, or cannot be read. */
        SOURCE_UNREADABLE,
        /** The target database cannot be reached or logged into. */
        TARGET_UNREACHABLE,
        /** The target already holds a site's rows. */
        TARGET_NOT_EMPTY,
        /** The source's or the target's tables are not the ones this version knows. */
        SCHEMA_MISMATCH,
        /** The target does not hold exactly the source's rows. */
        VERIFICATION_FAILED,
        /** The copy itself failed (a database error); the target was rolled back. */
        COPY_FAILED
    }

    private final Reason reason;

    public StoreCopyException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public StoreCopyException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
