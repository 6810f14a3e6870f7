package dev.primary.deployment;

import dev.primary.client.config.ClientConfiguration;
import dev.primary.protocol.time.Durations;
import dev.primary.protocol.tls.TlsPin;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code deployment-utility}: checks a Primary Server is live and is the one expected, then writes a
 * client's install directory ({@code client.json}) pinned to it. Nothing is written unless the
 * check passes. Exit codes ({@link ExitCode}): 0 ok, 1 failure, 2 usage error, 3 server check failed.
 */
@Command(name = "deployment-utility",
        mixinStandardHelpOptions = true,
        version = "deployment-utility 0.1.0",
        sortOptions = false,
        description = {"Prepares a Primary client's install directory, after checking the server.",
                "Asks the server at HOST:PORT who it is (over TLS), then writes DIR/client.json",
                "with the server's TLS key, lease-signing key and release keys pinned.",
                "Nothing is written if the check fails."},
        footer = {"", "Exit codes:",
                "  0  ok: DIR/client.json written (or, with --check-only, the server checked out)",
                "  1  failure: DIR already holds a client (see --force), or a file write failed",
                "  2  usage error: a missing or invalid option",
                "  3  server check failed: nothing answers at HOST:PORT, something other than",
                "     a Primary Server answers, or its TLS key is not --expect-pin"})
public final class DeploymentUtilityMain implements Callable<Integer> {
    static final Duration DATA_VAULT_TIMEOUT = Duration.ofSeconds(2);
    static final int DEFAULT_PORT = 16770;

    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> environment;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "HOST", description = "The Primary Server's name or IP address.")
    private String serverHost;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + DEFAULT_PORT,
            description = "The server's client port. Default: ${DEFAULT-VALUE}.")
    private int serverPort;

    @Option(names = "--out", paramLabel = "DIR",
            description = "The client's install directory (created, owner-only). Required unless --check-only.")
    private Path outDirectory;

    @Option(names = "--expect-pin", paramLabel = "PIN",
            description = "Refuse the server unless its TLS key has this pin (sha256/..., shown by 'primary-admin server').")
    private String expectedPin;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5s",
            description = "How long to wait for the server to answer. Default: ${DEFAULT-VALUE}.")
    private String timeout;

    @Option(names = "--force", description = "Replace an existing DIR/client.json (other files in DIR are kept).")
    private boolean force;

    @Option(names = "--check-only", description = "Check the server and print what would be written; write nothing.")
    private boolean checkOnly;

    @Mixin
    private ClientOptions clientOptions;

    private DeploymentUtilityMain(PrintWriter out, PrintWriter err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, System.getenv(), args));
    }

    /** Runs the utility with {@code args}; {@code environment} supplies {@code PRIMARY_HOME}. Returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, Map<String, String> environment, String... args) {
        CommandLine commandLine = new CommandLine(new DeploymentUtilityMain(out, err, environment));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((failure, arguments) -> report(err, failure));
        commandLine.setExecutionExceptionHandler((failure, line, parseResult) -> report(err, failure));
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    private static int report(PrintWriter err, Exception failure) {
        String line = "deployment-utility: " + ExitCode.describe(failure);
        if (failure instanceof CommandLine.ParameterException) {
            line += " (see 'deployment-utility --help')";
        }
        err.println(line);
        return ExitCode.of(failure).code();
    }

    @Override
    public Integer call() {
        Optional<TlsPin> pin = expectedPin();
        Duration probeTimeout = probeTimeout();
        InstallDirectory directory = installDirectory();
        ClientPlan plan = plan(directory);
        if (!checkOnly) {
            directory.requireWritable(force);
        }
        ServerCheck.CheckedServer server = new ServerCheck(probeTimeout).check(serverHost.strip(), serverPort, pin);
        new DataVaultCheck(DATA_VAULT_TIMEOUT).problemWith(plan.dataVault()).ifPresent(problem ->
                err.println("deployment-utility: warning: " + problem + "; it goes into the configuration anyway"));
        if (server.releaseKeys().isEmpty()) {
            err.println("deployment-utility: warning: the server trusts no release key yet, so this client pins none "
                    + "and will install no update; put the release key's .pub in the server's "
                    + "<data-dir>/trusted-release-keys/ and deploy again with --force");
        }
        ClientConfiguration configuration = plan.configurationFor(server);
        if (!checkOnly) {
            directory.write(configuration);
        }
        new Summary(out).print(server, configuration, directory, checkOnly);
        return ExitCode.OK.code();
    }

    private Optional<TlsPin> expectedPin() {
        if (serverHost.isBlank()) {
            throw usage("--server cannot be empty");
        }
        if (serverPort < 1 || serverPort > 65535) {
            throw usage("--port must be 1-65535, got " + serverPort);
        }
        try {
            return Optional.ofNullable(expectedPin).map(text -> new TlsPin(text.strip()));
        } catch (IllegalArgumentException e) {
            throw usage("--expect-pin: " + e.getMessage());
        }
    }

    private Duration probeTimeout() {
        Duration duration;
        try {
            duration = Durations.parse(timeout);
        } catch (IllegalArgumentException e) {
            throw usage("--timeout: " + e.getMessage());
        }
        if (duration.isZero()) {
            throw usage("--timeout must be longer than zero");
        }
        return duration;
    }

    private InstallDirectory installDirectory() {
        if (outDirectory == null && !checkOnly) {
            throw usage("give --out DIR, the client's install directory (or --check-only to only check the server)");
        }
        return new InstallDirectory(outDirectory == null ? Path.of("client") : outDirectory);
    }

    private ClientPlan plan(InstallDirectory directory) {
        try {
            return clientOptions.plan(serverHost.strip(), directory.path(), environment);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
