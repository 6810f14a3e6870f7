package dev.primary.admin.store;

import dev.primary.server.store.StoreLockedException;
import dev.primary.server.store.StoreUnavailableException;
import dev.primary.server.store.jdbc.copy.StoreCopy;
import dev.primary.server.store.jdbc.copy.StoreCopyException;
import dev.primary.server.store.jdbc.copy.StoreCopyException.Reason;
import dev.primary.server.store.jdbc.copy.StoreSummary;
import dev.primary.server.store.sqlite.SqliteStoreFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code primary-admin store migrate --to URL}: the SQLite store into an empty PostgreSQL database, verified. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Moves the SQLite store (DIR/primary.db, or --from FILE) into an empty PostgreSQL database,",
                "then verifies that every row of every table arrived (row counts and a SHA-256 digest per table,",
                "compared row by row), and prints the settings that start the server on it.",
                "Run it with the server stopped: it takes the store's lock and refuses while a server holds it.",
                "The copy is one transaction on the target: a failed move leaves the target empty; run it again.",
                "primary.db is only read; keep it until the server runs on PostgreSQL.",
                "Also restores a backup (store backup) into PostgreSQL: --from BACKUP-FILE."})
final class StoreMigrateCommand implements Runnable {
    private final PrintWriter out;
    private final Supplier<Optional<Path>> dataDirectory;
    private final Map<String, String> environment;

    @Option(names = "--to", required = true, paramLabel = "JDBC-URL",
            description = "The target database, jdbc:postgresql://HOST[:PORT]/DATABASE; it must hold no Primary rows.")
    private String url;

    @Option(names = "--from", paramLabel = "FILE", description = "The SQLite store file (default: DIR/primary.db).")
    private Path from;

    @Mixin
    private PostgresOptions postgres;

    StoreMigrateCommand(PrintWriter out, Supplier<Optional<Path>> dataDirectory, Map<String, String> environment) {
        this.out = out;
        this.dataDirectory = dataDirectory;
        this.environment = environment;
    }

    @Override
    public void run() {
        Path file = StoreCommand.sqliteFile(from, dataDirectory);
        PostgresTarget target = postgres.target(url, environment);
        try (Connection probe = target.connect()) {
            probe.rollback();
        } catch (SQLException e) {
            throw new StoreCopyException(Reason.TARGET_UNREACHABLE, "cannot reach " + target.description() + ": "
                    + e.getMessage(), e);
        }
        try (SqliteStoreFile source = openSource(file)) {
            target.prepareSchema();
            try (Connection connection = target.connect()) {
                StoreCopy.copy(source.connection(), connection);
                StoreSummary verified = StoreCopy.verify(source.connection(), connection);
                connection.rollback();
                out.println("Moved sqlite:" + file.toAbsolutePath() + " to " + target.description()
                        + " and verified every row:");
                verified.lines().forEach(line -> out.println("  " + line));
            } catch (SQLException e) {
                throw new StoreCopyException(Reason.COPY_FAILED, "the move to " + target.description() + " failed: "
                        + e.getMessage(), e);
            }
        }
        out.println();
        out.println("To run the server on it, set these (in DIR/server.properties or as flags) and start it with the");
        out.println("same data directory (its keys, installation-id and packages):");
        out.println("  store=postgresql");
        out.println("  store-url=" + withoutSecrets(url));
        out.println("  store-user=" + postgres.user.strip());
        out.println("  " + postgres.passwordSetting());
        out.println("Once it runs there, move " + file.getFileName() + " away: a later start on SQLite would see the"
                + " site as it was before the move.");
    }

    /** The source with its lock held, so no server writes it during the move. */
    static SqliteStoreFile openSource(Path file) {
        try {
            return SqliteStoreFile.openExclusive(file, false);
        } catch (StoreLockedException e) {
            throw new StoreCopyException(Reason.SOURCE_IN_USE, "the source store is in use: " + e.getMessage(), e);
        } catch (StoreUnavailableException e) {
            throw new StoreCopyException(Reason.SOURCE_UNREADABLE, e.getMessage(), e);
        }
    }

    /** The URL as given, but the value of a {@code password=} parameter (if any) left out. */
    static String withoutSecrets(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1...");
    }
}
