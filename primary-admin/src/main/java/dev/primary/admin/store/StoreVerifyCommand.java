package dev.primary.admin.store;

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

/** {@code primary-admin store verify --to URL}: does the database hold exactly the SQLite store's rows? */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Compares the SQLite store (DIR/primary.db, or --from FILE) with a PostgreSQL database row by row:",
                "the same row count in every table and every row equal in every column (a SHA-256 digest per table",
                "is printed for both). Names the first row that differs. Run it with both servers stopped."})
final class StoreVerifyCommand implements Runnable {
    private final PrintWriter out;
    private final Supplier<Optional<Path>> dataDirectory;
    private final Map<String, String> environment;

    @Option(names = "--to", required = true, paramLabel = "JDBC-URL",
            description = "The database to compare, jdbc:postgresql://HOST[:PORT]/DATABASE.")
    private String url;

    @Option(names = "--from", paramLabel = "FILE", description = "The SQLite store file (default: DIR/primary.db).")
    private Path from;

    @Mixin
    private PostgresOptions postgres;

    StoreVerifyCommand(PrintWriter out, Supplier<Optional<Path>> dataDirectory, Map<String, String> environment) {
        this.out = out;
        this.dataDirectory = dataDirectory;
        this.environment = environment;
    }

    @Override
    public void run() {
        Path file = StoreCommand.sqliteFile(from, dataDirectory);
        PostgresTarget target = postgres.target(url, environment);
        try (Connection connection = target.connect(); SqliteStoreFile source = StoreMigrateCommand.openSource(file)) {
            StoreSummary verified = StoreCopy.verify(source.connection(), connection);
            connection.rollback();
            out.println("sqlite:" + file.toAbsolutePath() + " and " + target.description() + " hold the same rows:");
            verified.lines().forEach(line -> out.println("  " + line));
        } catch (SQLException e) {
            throw new StoreCopyException(Reason.COPY_FAILED, "cannot read " + target.description() + ": "
                    + e.getMessage(), e);
        }
    }
}
