package dev.primary.licensetool;

import dev.primary.protocol.crypto.DocumentSignatureInvalidException;
import picocli.CommandLine;

/** The license tool's exit codes, and which failure maps to which: in this one place. */
public enum ExitCode {
    /** The command did what was asked. */
    OK(0),
    /** A file could not be read or written, a signature does not verify, a document is malformed. */
    FAILURE(1),
    /** The command line is wrong: a missing or invalid option. */
    USAGE(2);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The exit code for a failure that ended a command. */
    static ExitCode of(Throwable failure) {
        if (failure instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        return FAILURE;
    }

    /** The one line that tells the user what failed. */
    static String describe(Throwable failure) {
        if (failure instanceof LicenseToolException
                || failure instanceof CommandLine.ParameterException
                || failure instanceof DocumentSignatureInvalidException
                || failure instanceof java.io.UncheckedIOException
                || failure instanceof dev.primary.protocol.json.MalformedJsonException) {
            return failure.getMessage();
        }
        return "unexpected " + failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
