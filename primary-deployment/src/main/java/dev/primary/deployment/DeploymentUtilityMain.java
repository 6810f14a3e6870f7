package dev.primary.deployment;

import dev.primary.protocol.ProductVersion;
import dev.primary.client.config.ClientConfiguration;
import dev.primary.client.http.EnrollmentTokenCheck;
import dev.primary.client.http.ServerListCheck;
import dev.primary.client.service.ServerAddress;
import dev.primary.client.service.EnrollmentToken;
import dev.primary.protocol.message.EnrollmentCheckAnswer;
import dev.primary.protocol.time.Durations;
import dev.primary.protocol.tls.TlsPin;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code deployment-utility}: checks a Primary Server is live and is the one expected (and, given an enrollment
 * token, that the server would enroll a computer with it), then writes a client's install directory
 * ({@code client.json}, owner-only) pinned to it. Nothing is written unless the checks pass. Exit codes
 * ({@link ExitCode}): 0 ok, 1 failure, 2 usage error, 3 server or token check failed.
 */
@Command(name = "deployment-utility",
        mixinStandardHelpOptions = true,
        versionProvider = DeploymentUtilityMain.VersionText.class,
        sortOptions = false,
        description = {"Prepares a Primary client's install directory, after checking the server.",
                "Asks the server at HOST:PORT who it is (over TLS), then writes DIR/client.json",
                "with the server's TLS key, lease-signing key and release keys pinned, and the",
                "enrollment token (checked with the server first; only its id is ever printed).",
                "Several servers of one fleet (repeat --server, or commas; at most 8): each is",
                "checked, all that answer must be the same installation, and one where nothing",
                "answers is a warning and stays in the list; the client fails over in that order.",
                "DIR is created owner-only (0700), client.json is written owner-only (0600).",
                "Nothing is written if a check fails."},
        footer = {"", "Exit codes:",
                "  0  ok: DIR/client.json written (or, with --check-only, the server checked out)",
                "  1  failure: DIR already holds a client (see --force), DIR or a directory",
                "     above it could be changed by others (the client would refuse to start),",
                "     or a file write failed",
                "  2  usage error: a missing or invalid option",
                "  3  check failed: nothing answers at HOST:PORT, something other than a",
                "     Primary Server answers, its TLS key is not --expect-pin, or it refuses",
                "     the enrollment token (wrong, expired, used up or revoked; the line says",
                "     why); with several servers: one is wrong or of another installation",
                "     (the line names which), or none answers"})
public final class DeploymentUtilityMain implements Callable<Integer> {
    static final Duration DATA_VAULT_TIMEOUT = Duration.ofSeconds(2);
    static final int DEFAULT_PORT = 16770;

    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> environment;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--server", required = true, split = ",", paramLabel = "HOST[:PORT]",
            description = "The Primary Server's name or IP address, with its client port (default --port). Repeat "
                    + "it, or separate with commas, for several servers of one fleet, in the order the client tries "
                    + "them (a name with several addresses is tried address by address).")
    private List<String> servers;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + DEFAULT_PORT,
            description = "The client port of a server given without one. Default: ${DEFAULT-VALUE}.")
    private int serverPort;

    @Option(names = "--out", paramLabel = "DIR",
            description = "The client's install directory (created, owner-only). Required unless --check-only.")
    private Path outDirectory;

    @Option(names = "--expect-pin", paramLabel = "PIN",
            description = "Refuse the server unless its TLS key has this pin (sha256/..., shown by 'primary-admin server').")
    private String expectedPin;

    @Option(names = "--enrollment-token", paramLabel = "TOKEN",
            description = "The enrollment token the client registers with (from 'primary-admin enrollment create'), "
                    + "checked with the server before anything is written. Without one the server must enroll openly. "
                    + "Prefer --enrollment-token-file: a command line is seen by other users and kept in shell history.")
    private String enrollmentToken;

    @Option(names = "--enrollment-token-file", paramLabel = "FILE",
            description = "Read the enrollment token from FILE (one line) instead.")
    private Path enrollmentTokenFile;

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
        List<ServerAddress> addresses = serverAddresses();
        Duration probeTimeout = probeTimeout();
        Optional<EnrollmentToken> token = enrollmentToken();
        InstallDirectory directory = installDirectory();
        ClientPlan plan = plan(directory);
        if (!checkOnly) {
            directory.requireWritable(force);
        }
        ServerCheck check = new ServerCheck(probeTimeout);
        ServerListCheck.Outcome<ServerCheck.CheckedServer> checked = new ServerListCheck<>(
                (ServerAddress address) -> check.check(address.host(), address.port(), pin),
                ServerCheck.CheckedServer::identity).check(addresses);
        checked.warnings().forEach(warning -> err.println("deployment-utility: warning: " + warning));
        ServerCheck.CheckedServer server = checked.first();
        Optional<EnrollmentCheckAnswer> enrollment = token.map(given -> new EnrollmentTokenCheck(probeTimeout)
                .check(server.host(), server.port(), server.tlsPin(), given));
        if (token.isEmpty()) {
            err.println("deployment-utility: warning: no --enrollment-token: the server will refuse this client's "
                    + "registration unless it enrolls openly (or already knows this client); add a token later with "
                    + "'client-service repoint --enrollment-token-file FILE'");
        }
        new DataVaultCheck(DATA_VAULT_TIMEOUT).problemWith(plan.dataVault()).ifPresent(problem ->
                err.println("deployment-utility: warning: " + problem + "; it goes into the configuration anyway"));
        if (server.releaseKeys().isEmpty()) {
            err.println("deployment-utility: warning: the server trusts no release key yet, so this client pins none "
                    + "and will install no update; put the release key's .pub in the server's "
                    + "<data-dir>/trusted-release-keys/ and deploy again with --force");
        }
        ClientConfiguration configuration = plan.configurationFor(server, addresses, token.orElse(EnrollmentToken.NONE));
        if (!checkOnly) {
            directory.write(configuration);
        }
        new Summary(out).print(server, configuration, enrollment, directory, checkOnly);
        return ExitCode.OK.code();
    }

    private Optional<TlsPin> expectedPin() {
        if (servers.stream().anyMatch(String::isBlank)) {
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

    private List<ServerAddress> serverAddresses() {
        List<ServerAddress> addresses = new ArrayList<>();
        for (String text : servers) {
            ServerAddress address;
            try {
                address = ServerAddress.parse(text, serverPort);
            } catch (IllegalArgumentException e) {
                throw usage("--server: " + e.getMessage());
            }
            if (addresses.contains(address)) {
                throw usage("--server: " + address.text() + " is given twice");
            }
            addresses.add(address);
        }
        if (addresses.size() > ServerAddress.MAX_SERVERS) {
            throw usage("--server: at most " + ServerAddress.MAX_SERVERS + " servers, got " + addresses.size());
        }
        return addresses;
    }

    private Optional<EnrollmentToken> enrollmentToken() {
        if (enrollmentToken != null && enrollmentTokenFile != null) {
            throw usage("give --enrollment-token or --enrollment-token-file, not both");
        }
        try {
            if (enrollmentTokenFile != null) {
                return Optional.of(EnrollmentToken.read(enrollmentTokenFile));
            }
            return Optional.ofNullable(enrollmentToken).map(EnrollmentToken::parse);
        } catch (IllegalArgumentException e) {
            throw usage((enrollmentTokenFile != null ? "--enrollment-token-file: " : "--enrollment-token: ")
                    + e.getMessage());
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
            return clientOptions.plan(ServerAddress.parse(servers.get(0), serverPort).host(), directory.path(), environment);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** {@code --version}: this program's name and the build's one version. */
    static final class VersionText implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"deployment-utility " + ProductVersion.text()};
        }
    }
}
