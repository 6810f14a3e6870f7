package dev.primary.admin;

import dev.primary.admin.http.AdminUnreachableException;
import dev.primary.admin.http.ProblemAnswerException;
import dev.primary.admin.http.UnexpectedAnswerException;
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
    UNREACHABLE(3);

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
        return FAILURE;
    }

    /** The one line that tells the user what failed (never the token). */
    static String describe(Throwable failure) {
        if (failure instanceof ProblemAnswerException
                || failure instanceof AdminUnreachableException
                || failure instanceof UnexpectedAnswerException
                || failure instanceof AdminUsageException
                || failure instanceof AdminCommandException
                || failure instanceof CommandLine.ParameterException) {
            return failure.getMessage();
        }
        return "unexpected " + failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
