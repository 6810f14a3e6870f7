package dev.primary.deployment;

import dev.primary.client.http.EnrollmentCheckFailedException;
import dev.primary.protocol.probe.ServerProbeException;
import picocli.CommandLine;

/** The Deployment Utility's exit codes, and which failure maps to which: in this one place. */
public enum ExitCode {
    /** The server checked out; the install directory was written (or, with --check-only, would be). */
    OK(0),
    /** Anything else went wrong: the directory already holds a client, a file could not be written. */
    FAILURE(1),
    /** The command line is wrong: a missing or invalid option. */
    USAGE(2),
    /**
     * The server check failed: nothing answers, something else answers, not the expected TLS key, or the server refuses
     * the enrollment token (or cannot check it). Nothing was written.
     */
    SERVER_CHECK_FAILED(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    static ExitCode of(Throwable failure) {
        if (failure instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        if (failure instanceof ServerProbeException || failure instanceof EnrollmentCheckFailedException) {
            return SERVER_CHECK_FAILED;
        }
        return FAILURE;
    }

    /** The one line that tells the user what failed. */
    static String describe(Throwable failure) {
        if (failure instanceof DeploymentException
                || failure instanceof ServerProbeException
                || failure instanceof EnrollmentCheckFailedException
                || failure instanceof CommandLine.ParameterException) {
            return failure.getMessage();
        }
        return "unexpected " + failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
