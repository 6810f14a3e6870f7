package dev.primary.admin;

import dev.primary.admin.http.AdminUnreachableException;
import dev.primary.admin.http.ProblemAnswerException;
import dev.primary.admin.http.UnexpectedAnswerException;
import dev.primary.server.store.jdbc.copy.StoreCopyException;
import picocli.CommandLine;

/** primary-admin's exit codes, and which failure maps to which: in this one place. */
public enum ExitCode {
    /** The server did what was asked. */
    OK(0),
    /** The server refused (a problem answer), answered oddly, or a local file could not be read. */
    FAILURE(1),
    /** The command line is wrong: a missing or invalid option. */
    USAGE(2),
    /**
     * The admin API cannot be reached: no admin-endpoint file (no server ever started with that data
     * directory), nothing answers, or the server presented another TLS key than the pinned one.
     */
    UNREACHABLE(3),
    /** Store commands: the source store is in use (a server holds its lock). */
    STORE_IN_USE(4),
    /** Store commands: the target already holds a site's rows. */
    TARGET_NOT_EMPTY(5),
    /** Store commands: a store's tables are not the ones this version knows. */
    SCHEMA_MISMATCH(6),
    /** Store commands: the target does not hold exactly the source's rows. */
    VERIFICATION_FAILED(7);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    static ExitCode of(Throwable failure) {
        if (failure instanceof CommandLine.ParameterException || failure instanceof AdminUsageException) {
            return USAGE;
        }
        if (failure instanceof AdminUnreachableException) {
            return UNREACHABLE;
        }
        if (failure instanceof StoreCopyException copy) {
            return switch (copy.reason()) {
                case TARGET_UNREACHABLE -> UNREACHABLE;
                case SOURCE_IN_USE -> STORE_IN_USE;
                case TARGET_NOT_EMPTY -> TARGET_NOT_EMPTY;
                case SCHEMA_MISMATCH -> SCHEMA_MISMATCH;
                case VERIFICATION_FAILED -> VERIFICATION_FAILED;
                case SOURCE_UNREADABLE, COPY_FAILED -> FAILURE;
            };
        }
        return FAILURE;
    }

    /** The one line that tells the user what failed (never the token). */
    static String describe(Throwable failure) {
        if (failure instanceof ProblemAnswerException
                || failure instanceof AdminUnreachableException
                || failure instanceof UnexpectedAnswerException
                || failure instanceof AdminUsageException
                || failure instanceof AdminCommandException
                || failure instanceof StoreCopyException
                || failure instanceof CommandLine.ParameterException) {
            return failure.getMessage();
        }
        return "unexpected " + failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
