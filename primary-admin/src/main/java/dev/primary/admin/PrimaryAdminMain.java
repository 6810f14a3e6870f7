package dev.primary.admin;

import dev.primary.protocol.ProductVersion;
import dev.primary.admin.command.AdminConsole;
import dev.primary.admin.command.AuditCommand;
import dev.primary.admin.command.ComputerActionCommand;
import dev.primary.admin.command.ComputerCommand;
import dev.primary.admin.command.ComputersCommand;
import dev.primary.admin.command.ContentCommand;
import dev.primary.admin.command.EnrollmentCommand;
import dev.primary.admin.command.AccountCommand;
import dev.primary.admin.command.PasswordInput;
import dev.primary.admin.command.GroupCommand;
import dev.primary.admin.command.PackageCommand;
import dev.primary.admin.command.ReleaseCommand;
import dev.primary.admin.command.RolloutCommand;
import dev.primary.admin.command.UpdateNowCommand;
import dev.primary.admin.command.LicenseCommand;
import dev.primary.admin.command.LogLevelCommand;
import dev.primary.admin.command.ReclaimCommand;
import dev.primary.admin.command.ServerCommand;
import dev.primary.admin.command.CountersCommand;
import dev.primary.admin.command.StatsCommand;
import dev.primary.admin.command.SummaryCommand;
import dev.primary.admin.command.TerminalText;
import dev.primary.admin.http.AdminApi;
import dev.primary.admin.store.StoreCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code primary-admin}: the administrator's command line, a thin client of the admin REST API.
 * Finds the API through the server's data directory ({@code admin-endpoint}, {@code admin-token}),
 * trusts only the pinned TLS key, and never prints the token. Exit codes ({@link ExitCode}):
 * 0 ok, 1 failure (the server refused), 2 usage error, 3 admin API not reachable.
 */
@Command(name = "primary-admin",
        mixinStandardHelpOptions = true,
        versionProvider = PrimaryAdminMain.VersionText.class,
        description = {"Administers a Primary Server through its admin API.",
                "On the server, give its data directory (--data-dir DIR) and run as a user who",
                "may read DIR/admin-token (it acts as host-admin, an administrator); from",
                "elsewhere, give --url, --pin and --token-file with an account's API token",
                "('account token create'): commands then run with that account's role."},
        footer = {"", "Exit codes:",
                "  0  ok",
                "  1  failure: the server refused (with its reason), or a file is unreadable",
                "  2  usage error: a missing or invalid option",
                "  3  the admin API cannot be reached: no server ever started with that data",
                "     directory, nothing answers, or it presented another TLS key than pinned",
                "     (store commands: the target database cannot be reached)",
                "  4-7  store commands only: see 'primary-admin store --help'"})
public final class PrimaryAdminMain implements Runnable {
    /** Flyway logs through java.util.logging here; its INFO lines about migrations are not the command's output. */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The Primary Server's data directory (holds admin-endpoint and admin-token).")
    private Path dataDirectory;

    @Option(names = "--url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "The admin API, https://HOST:PORT (instead of DIR/admin-endpoint).")
    private String url;

    @Option(names = "--pin", paramLabel = "PIN", scope = ScopeType.INHERIT,
            description = "The admin port's TLS key pin, sha256/... (instead of DIR/admin-endpoint).")
    private String pin;

    @Option(names = "--token-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The file holding an account's API token, or the host's admin token (instead of "
                    + "DIR/admin-token).")
    private Path tokenFile;

    private PrimaryAdminMain() {}

    public static void main(String[] args) {
        // The store commands open the stores, whose classes log through SLF4J; this program prints its own lines.
        System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    /** Runs the command line {@code args}, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(PasswordInput.ofProcess(), out, err, args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)}, with new passwords read from {@code passwords}. */
    public static int run(PasswordInput passwords, PrintWriter out, PrintWriter err, String... args) {
        PrimaryAdminMain main = new PrimaryAdminMain();
        AdminConsole console = new AdminConsole(out, main::api);
        CommandLine commandLine = new CommandLine(main)
                .addSubcommand(new ServerCommand(console))
                .addSubcommand(LicenseCommand.group(console))
                .addSubcommand(new SummaryCommand(console))
                .addSubcommand(new CountersCommand(console))
                .addSubcommand(StatsCommand.group(console))
                .addSubcommand(ComputersCommand.group(console))
                .addSubcommand(ComputerCommand.group(console))
                .addSubcommand(new ComputerActionCommand.Verify(console))
                .addSubcommand(new ComputerActionCommand.Reserve(console))
                .addSubcommand(ReleaseCommand.group(console))
                .addSubcommand(new ComputerActionCommand.Revoke(console))
                .addSubcommand(new ComputerActionCommand.Reinstate(console))
                .addSubcommand(new ComputerActionCommand.Rekey(console))
                .addSubcommand(EnrollmentCommand.group(console))
                .addSubcommand(AccountCommand.group(console, passwords))
                .addSubcommand(new ReclaimCommand(console))
                .addSubcommand(PackageCommand.group(console))
                .addSubcommand(ContentCommand.group(console))
                .addSubcommand(RolloutCommand.group(console))
                .addSubcommand(GroupCommand.group(console))
                .addSubcommand(new UpdateNowCommand(console))
                .addSubcommand(new AuditCommand(console))
                .addSubcommand(new LogLevelCommand(console))
                .addSubcommand(StoreCommand.group(console.out(), () -> Optional.ofNullable(main.dataDirectory),
                        System.getenv()));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((failure, arguments) -> report(err, failure, failure.getCommandLine()));
        commandLine.setExecutionExceptionHandler((failure, line, parseResult) -> report(err, failure, line));
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    /** Prints the one line that says what failed; a usage error points to the help of {@code command}, the one run. */
    private static int report(PrintWriter err, Exception failure, CommandLine command) {
        String line = "primary-admin: " + ExitCode.describe(failure);
        if (failure instanceof CommandLine.ParameterException || failure instanceof AdminUsageException) {
            line += " (see '" + command.getCommandSpec().qualifiedName() + " --help')";
        }
        err.println(TerminalText.escape(line));
        return ExitCode.of(failure).code();
    }

    private AdminApi api() {
        return new AdminApi(new ConnectionSettings(dataDirectory, url, tokenFile, pin).resolve(),
                CONNECT_TIMEOUT, ANSWER_TIMEOUT);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try 'primary-admin --help')");
    }

    /** {@code --version}: this program's name and the build's one version. */
    static final class VersionText implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"primary-admin " + ProductVersion.text()};
        }
    }
}
