package dev.primary.client.cli;

import dev.primary.client.ClientVersion;
import dev.primary.client.home.HomeInUseException;
import dev.primary.client.home.UnsafeHomeException;
import dev.primary.client.logging.BuiltInLogging;
import dev.primary.protocol.crypto.Ed25519;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code client-service}: the agent on each managed computer. {@code run} keeps this computer
 * licensed and its Recorder running, {@code status} shows where it stands, {@code repoint} moves
 * it to another Primary Server. Exit codes: 0 ok, 1 failure, 2 usage error, 3 the home is not safe (strict modes),
 * 4 another Client Service already runs on the home; all mapped in {@link #exitCodeOf}.
 */
@Command(name = "client-service",
        mixinStandardHelpOptions = true,
        versionProvider = ClientServiceMain.VersionProvider.class,
        description = {"The Primary Client Service: obtains and keeps this computer's license seat from its Primary "
                + "Server and runs the Recorder while licensed."},
        subcommands = {RunCommand.class, StatusCommand.class, RepointCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure (one line on stderr says why)", "2:usage error",
                "3:run: the home, client.json or client.key could be changed by others than the account the service "
                        + "runs as (or root); the line names the file and the fix",
                "4:run: another Client Service is already running on this home",
                "75:run: restart requested: a new Client Service version was installed (or a failed one rolled back); "
                        + "the launcher or systemd starts the selected version"})
public final class ClientServiceMain implements Runnable {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;
    static final int UNSAFE_HOME = 3;
    static final int HOME_IN_USE = 4;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

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
        CommandLine commandLine = new CommandLine(new ClientServiceMain());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            err.println("client-service: " + exception.getMessage() + " (see "
                    + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
            err.println("client-service: " + oneLine(exception));
            return exitCodeOf(exception);
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: run, status or repoint");
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

    private static String oneLine(Exception exception) {
        String message = exception.getMessage();
        if (message == null || message.isBlank()) {
            message = exception.getClass().getSimpleName();
        }
        return message.replace('\n', ' ');
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"client-service " + ClientVersion.text() + " (protocol 1)"};
        }
    }
}
