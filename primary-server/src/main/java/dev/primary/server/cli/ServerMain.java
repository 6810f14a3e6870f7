package dev.primary.server.cli;

import dev.primary.server.PrimaryServer;
import dev.primary.server.StartupOptions;
import dev.primary.server.ServerVersion;
import dev.primary.server.config.ConfigurationLoader;
import dev.primary.server.config.InvalidConfigurationException;
import dev.primary.server.config.ServerConfiguration;
import dev.primary.server.config.Setting;
import dev.primary.server.config.TlsSource;
import dev.primary.server.identity.InstallationIncompleteException;
import dev.primary.server.logging.RunningLogLevel;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code primary-server}: runs the Primary Server in the foreground until SIGTERM or Ctrl-C.
 * One option per {@link Setting}, so flags, environment, properties file and {@code --help} never
 * disagree; besides them, the one-shot repair flags {@code --initialize-empty-store} and {@code --new-tls-key}
 * (command line only). Exit codes: {@link ExitCode}. Failures are one line on stderr.
 */
public final class ServerMain {
    private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);
    private static final String NAME = "primary-server";

    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> environment;
    private final Starter starter;
    private volatile PrimaryServer running;
    private volatile boolean stopRequested;

    /** The one-shot repair flags: given on the command line only, never settings. */
    static final String INITIALIZE_EMPTY_STORE = "--initialize-empty-store";
    static final String NEW_TLS_KEY = "--new-tls-key";

    /**
     * Starts a server from a configuration and this start's options: {@link PrimaryServer#start(ServerConfiguration,
     * Clock, StartupOptions)}, or another in tests.
     */
    @FunctionalInterface
    public interface Starter {
        PrimaryServer start(ServerConfiguration configuration, StartupOptions options);
    }

    public ServerMain(PrintWriter out, PrintWriter err, Map<String, String> environment, Starter starter) {
        this.out = out;
        this.err = err;
        this.environment = Map.copyOf(environment);
        this.starter = starter;
    }

    public static void main(String[] args) {
        ServerMain main = new ServerMain(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                System.getenv(), (configuration, options) -> {
                    RunningLogLevel.applyAtStart(configuration.logLevel());
                    return PrimaryServer.start(configuration, Clock.systemUTC(), options);
                });
        int code = main.run(args);
        if (code != ExitCode.OK.code()) {
            System.exit(code);
        }
    }

    /** Parses {@code args}, starts the server and blocks until it stops; returns the exit code. */
    public int run(String... args) {
        CommandLine commandLine = new CommandLine(commandSpec());
        commandLine.setOut(out).setErr(err);
        Map<String, List<String>> flags;
        StartupOptions options;
        try {
            ParseResult parsed = commandLine.parseArgs(args);
            if (commandLine.isUsageHelpRequested()) {
                commandLine.usage(out);
                return ExitCode.OK.code();
            }
            if (commandLine.isVersionHelpRequested()) {
                commandLine.printVersionHelp(out);
                return ExitCode.OK.code();
            }
            flags = flagsOf(parsed);
            options = new StartupOptions(parsed.hasMatchedOption(INITIALIZE_EMPTY_STORE),
                    parsed.hasMatchedOption(NEW_TLS_KEY), System.getProperty("user.name", ""));
        } catch (CommandLine.ParameterException e) {
            return fail(ExitCode.USAGE, e.getMessage() + " (see " + NAME + " --help)");
        }
        ServerConfiguration configuration;
        try {
            configuration = ConfigurationLoader.load(flags, environment);
        } catch (InvalidConfigurationException e) {
            return fail(ExitCode.USAGE, e.getMessage());
        }
        if (options.newTlsKey() && configuration.tls() instanceof TlsSource.OperatorSupplied) {
            return fail(ExitCode.USAGE, NEW_TLS_KEY + " replaces the self-made TLS key; it cannot be given with "
                    + "tls-cert and tls-key");
        }
        try {
            running = starter.start(configuration, options);
        } catch (RuntimeException e) {
            LOG.debug("start failed", e);
            ExitCode code = e.getCause() instanceof InstallationIncompleteException
                    ? ExitCode.INSTALLATION_INCOMPLETE : ExitCode.START_FAILED;
            return fail(code, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        PrimaryServer server = running;
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "primary-shutdown"));
        if (stopRequested) {
            // a stop asked for while the server was still starting (its endpoint file already written)
            server.close();
        }
        try {
            server.awaitStopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        return ExitCode.OK.code();
    }

    /** Stops a server this command started (what SIGTERM does); for tests and embedding. */
    public void requestStop() {
        stopRequested = true;
        PrimaryServer server = running;
        if (server != null) {
            server.close();
        }
    }

    private int fail(ExitCode code, String message) {
        err.println(NAME + ": " + message);
        err.flush();
        return code.code();
    }

    private static Map<String, List<String>> flagsOf(ParseResult parsed) {
        Map<String, List<String>> flags = new LinkedHashMap<>();
        for (OptionSpec option : parsed.matchedOptions()) {
            String key = option.longestName().substring(2);
            if (!option.usageHelp() && !option.versionHelp() && !isRepairFlag(option)) {
                flags.put(key, List.copyOf(parsed.matchedOption(option.longestName()).stringValues()));
            }
        }
        return flags;
    }

    private static boolean isRepairFlag(OptionSpec option) {
        return option.longestName().equals(INITIALIZE_EMPTY_STORE) || option.longestName().equals(NEW_TLS_KEY);
    }

    private static CommandSpec commandSpec() {
        CommandSpec spec = CommandSpec.create().name(NAME).version(NAME + " " + ServerVersion.current())
                .mixinStandardHelpOptions(true);
        spec.usageMessage()
                .sortOptions(false)
                .description("Runs the Primary Server in the foreground: hands Client Services their license seats "
                        + "and software updates on the client port and serves the admin API on the admin port. "
                        + "Stops on SIGTERM or Ctrl-C.")
                .footer("", "Every option can also be set as an environment variable PRIMARY_<NAME> (e.g. PRIMARY_ADMIN_PORT) "
                        + "or as <name>=<value> in the properties file. Flags win over the environment, the environment "
                        + "over the file, the file over the defaults. Durations: 250ms, 60s, 5m, 4h, 7d.",
                        "", "Exit codes: 0 stopped normally, 1 could not start, 2 wrong command line or configuration, "
                        + "3 an existing installation lacks its store, a key or its installation id, or its keys do "
                        + "not match, or (store=postgresql) its identity is not the one the other servers on that database share "
                        + "(nothing was changed).");
        for (Setting setting : Setting.values()) {
            OptionSpec.Builder option = OptionSpec.builder("--" + setting.key()).paramLabel(setting.kind().label())
                    .description(setting.description() + defaultText(setting));
            if (setting == Setting.VENDOR_KEY || setting == Setting.RELEASE_KEY) {
                option.type(List.class).auxiliaryTypes(String.class);
            } else {
                option.type(String.class);
            }
            spec.addOption(option.build());
            if (setting == Setting.DATA_DIR) {
                spec.addOption(OptionSpec.builder("--" + ConfigurationLoader.CONFIG).paramLabel("FILE").type(String.class)
                        .description("properties file with settings (default: <data-dir>/server.properties, if it exists)")
                        .build());
            }
        }
        spec.addOption(OptionSpec.builder(INITIALIZE_EMPTY_STORE).arity("0")
                .description("this start only: an existing installation whose primary.db is missing or empty starts "
                        + "with a new, empty store on purpose (clients must enroll again; audited). Without it such a "
                        + "start is refused. Command line only, never a setting")
                .build());
        spec.addOption(OptionSpec.builder(NEW_TLS_KEY).arity("0")
                .description("this start only: an existing installation whose keys/tls.key is missing or does not "
                        + "match keys/tls.crt gets a new self-made TLS key (every client must be re-pointed to the "
                        + "new pin; audited). Without it such a start is refused. Command line only, never a setting")
                .build());
        return spec;
    }

    private static String defaultText(Setting setting) {
        return setting.defaultValue().isEmpty() ? "" : " (default: " + setting.defaultValue() + ")";
    }
}
