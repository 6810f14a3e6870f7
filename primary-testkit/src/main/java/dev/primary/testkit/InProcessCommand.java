package dev.primary.testkit;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One of our command lines run inside the test's JVM through its {@code run(out, err, args)} entry point: the
 * same parsing, checks and exit codes as the program, without the seconds a new JVM costs on a busy machine.
 * The end-to-end tests keep one real process per command-line behaviour ({@link JavaProcess#run}) and use this
 * for the rest.
 */
@FunctionalInterface
public interface InProcessCommand {
    /** Runs the command, writing to {@code out} and {@code err}; returns its exit code. */
    int run(PrintWriter out, PrintWriter err);

    /** Runs {@code command} and returns its exit code and what it printed. */
    static CommandResult capture(InProcessCommand command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode;
        try (PrintWriter outWriter = new PrintWriter(out, true); PrintWriter errWriter = new PrintWriter(err, true)) {
            exitCode = command.run(outWriter, errWriter);
        }
        return new CommandResult(exitCode, out.toString(), err.toString());
    }
}
