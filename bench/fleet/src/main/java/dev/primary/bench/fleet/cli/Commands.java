package dev.primary.bench.fleet.cli;

import dev.primary.protocol.ProductVersion;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code fleet-simulator} command line: its subcommands, and failures mapped to one line and an exit code. */
@Command(name = "fleet-simulator", mixinStandardHelpOptions = true, versionProvider = Commands.VersionText.class,
        description = {"Simulates a fleet of Primary Client Services against a Primary Server: each simulated client "
                + "has its own Ed25519 key and computer name and signs every request like the real Client Service, "
                + "over real TLS (BoringSSL, pinned server key); it does not verify lease signatures, to spend its "
                + "CPU on load.",
                "Reports throughput, latency p50/p99/max, errors by kind and the server's CPU and memory, as a table "
                        + "on stdout and as JSON (--results); progress once per second on stderr.",
                "By default each command starts its own server (a real ServerMain in its own JVM, on a temporary "
                        + "data directory, licensed with enough seats); --server HOST:PORT --pin PIN uses a running one."},
        footer = {"", "Exit codes:", "  0  ok (the figures are reported, whether or not they meet a target)",
                "  1  the run failed: the server did not start, the set-up failed, ...",
                "  2  usage error: a missing or invalid option"})
public final class Commands implements Runnable {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;

    @Spec
    private CommandSpec spec;

    private Commands() {}

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        Console console = new Console(out, err);
        CommandLine commandLine = new CommandLine(new Commands())
                .addSubcommand(new ColdStartCommand(console))
                .addSubcommand(new SteadyCommand(console))
                .addSubcommand(new OutageRecoveryCommand(console))
                .addSubcommand(new UpdateWaveCommand(console))
                .addSubcommand(new HelloCeilingCommand(console))
                .addSubcommand(new StaticFileCeilingCommand(console))
                .addSubcommand(new SuiteCommand(console))
                .addSubcommand(new EnrollmentCostCommand(console))
                .addSubcommand(new NodesCommand(console))
                .addSubcommand(new ConsolePagesCommand(console))
                .addSubcommand(new PlotCommand(console));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((failure, arguments) -> {
            err.println("fleet-simulator: " + failure.getMessage() + " (see '"
                    + failure.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((failure, line, parseResult) -> {
            err.println("fleet-simulator: " + describe(failure));
            return failure instanceof UsageException ? USAGE : FAILURE;
        });
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && (cause.getMessage() == null
                || cause instanceof java.util.concurrent.CompletionException)) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /** {@code --version}: this program's name and the build's one version. */
    static final class VersionText implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"fleet-simulator " + ProductVersion.text()};
        }
    }
}
