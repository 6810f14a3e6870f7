package dev.primary.bench.harness;

import dev.primary.testkit.CommandResult;

/** A command the harness ran ({@code primary-admin}, {@code license-tool}) ended with a non-zero exit code. */
public final class CommandFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient CommandResult result;

    CommandFailedException(String command, CommandResult result) {
        super(command + " failed with exit code " + result.exitCode() + ": " + result.stderr().strip());
        this.result = result;
    }

    /** Exit code and output of the failed command. */
    public CommandResult result() {
        return result;
    }
}
