package dev.primary.client.cli;

import dev.primary.client.ClientVersion;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code client-service} command line as picocli reads it: every command, {@code --help}, {@code --version} and
 * every usage error. {@link ClientServiceMain} hands it whatever {@link RunArguments#plainly} does not take.
 */
@Command(name = "client-service",
        mixinStandardHelpOptions = true,
        versionProvider = ClientServiceCommand.VersionProvider.class,
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
final class ClientServiceCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line {@code args} through picocli; returns the exit code. */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new ClientServiceCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            err.println("client-service: " + exception.getMessage() + " (see "
                    + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return ClientServiceMain.USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
            err.println(ClientServiceMain.failureLine(exception));
            return ClientServiceMain.exitCodeOf(exception);
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: run, status or repoint");
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"client-service " + ClientVersion.text() + " (protocol 1)"};
        }
    }
}
