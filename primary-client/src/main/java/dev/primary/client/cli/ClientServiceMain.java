package dev.primary.client.cli;

import dev.primary.client.home.HomeInUseException;
import dev.primary.client.home.UnsafeHomeException;
import dev.primary.client.logging.BuiltInLogging;
import dev.primary.protocol.crypto.Ed25519;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code client-service}: the agent on each managed computer. {@code run} keeps this computer
 * licensed and its Recorder running, {@code status} shows where it stands, {@code repoint} moves
 * it to another Primary Server. Exit codes: 0 ok, 1 failure, 2 usage error, 3 the home is not safe (strict modes),
 * 4 another Client Service already runs on the home; all mapped in {@link #exitCodeOf}.
 *
 * <p>A well-formed {@code run} is started without picocli ({@link RunArguments#plainly}): the service then runs for
 * months without picocli's ~180 classes in its memory. Everything else, {@code run --help} and every usage error
 * included, goes to picocli ({@link ClientServiceCommand}).
 */
public final class ClientServiceMain {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;
    static final int UNSAFE_HOME = 3;
    static final int HOME_IN_USE = 4;

    private ClientServiceMain() {}

    public static void main(String[] args) {
        // one request signed every four hours: the JDK's Ed25519 serves, and BouncyCastle is never loaded
        Ed25519.use(Ed25519.Provider.JDK);
        BuiltInLogging.requestUnlessConfigured();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = execute(out, err, args);
        LogFile.close();
        System.exit(code);
    }

    /** Runs the command line {@code args}, writing to {@code out} and {@code err}; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        Optional<RunArguments> run = RunArguments.plainly(args);
        int code = run.isPresent() ? runService(err, run.get()) : ClientServiceCommand.execute(out, err, args);
        out.flush();
        err.flush();
        return code;
    }

    private static int runService(PrintWriter err, RunArguments arguments) {
        try {
            return ServiceRun.run(arguments);
        } catch (Exception e) {
            err.println(failureLine(e));
            return exitCodeOf(e);
        }
    }

    /** The exit code for a failure: the one place they are mapped. */
    static int exitCodeOf(Exception exception) {
        if (exception instanceof UnsafeHomeException) {
            return UNSAFE_HOME;
        }
        if (exception instanceof HomeInUseException) {
            return HOME_IN_USE;
        }
        return FAILURE;
    }

    /** The one line on stderr that says why a command failed. */
    static String failureLine(Exception exception) {
        String message = exception.getMessage();
        if (message == null || message.isBlank()) {
            message = exception.getClass().getSimpleName();
        }
        return "client-service: " + message.replace('\n', ' ');
    }
}
