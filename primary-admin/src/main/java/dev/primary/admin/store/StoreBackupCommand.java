package dev.primary.admin.store;

import dev.primary.admin.AdminCommandException;
import dev.primary.admin.AdminUsageException;
import dev.primary.server.release.PackageStore;
import dev.primary.server.store.OwnerOnlyFiles;
import dev.primary.server.store.StoreUnavailableException;
import dev.primary.server.store.files.FilePackageStore;
import dev.primary.server.store.jdbc.copy.StoreCopy;
import dev.primary.server.store.jdbc.copy.StoreCopyException;
import dev.primary.server.store.jdbc.copy.StoreCopyException.Reason;
import dev.primary.server.store.jdbc.copy.StoreSummary;
import dev.primary.server.store.postgres.PostgresPackageBlobs;
import dev.primary.server.store.sqlite.SqliteStoreFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code primary-admin store backup DEST}: a new directory that is a complete data directory of the site as of one
 * instant: {@code DEST/primary.db} holds the store (an SQLite store, whichever store the server runs on) and every
 * other file of the data directory is copied beside it (keys, installation-id, packages, settings).
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Backs the site up into the new directory DEST, while the server runs:",
                "DEST/primary.db is a consistent copy of the store as of one instant, and the data directory's",
                "other files (installation-id, keys/, packages/, trusted-*/, server.properties, admin-token) are",
                "copied beside it. DEST is itself a data directory: restore by starting a server on it",
                "(SQLite), or by 'store migrate --from DEST/primary.db --to URL' and a server with store=postgresql.",
                "SQLite (the default): SQLite's VACUUM INTO of DIR/primary.db, one read transaction.",
                "PostgreSQL (--from-url): every row read in one REPEATABLE READ transaction and written into",
                "DEST/primary.db, then verified row by row against that same snapshot; the packages the database",
                "holds (several servers keep them there) are written into DEST/packages/, each checked.",
                "DEST holds the server's private keys: keep it as private as the data directory (it is made 0700)."})
final class StoreBackupCommand implements Runnable {
    private static final java.util.Set<String> STORE_FILES = java.util.Set.of("primary.db", "primary.db-wal",
            "primary.db-shm", "primary.db.lock", "admin-endpoint");

    private final PrintWriter out;
    private final Supplier<Optional<Path>> dataDirectory;
    private final Map<String, String> environment;

    @Parameters(index = "0", paramLabel = "DEST", description = "The backup directory; must not exist yet.")
    private Path destination;

    @Option(names = "--from-url", paramLabel = "JDBC-URL",
            description = "Back up this PostgreSQL store (the server's store-url) instead of DIR/primary.db.")
    private String url;

    @Mixin
    private PostgresOptions postgres;

    StoreBackupCommand(PrintWriter out, Supplier<Optional<Path>> dataDirectory, Map<String, String> environment) {
        this.out = out;
        this.dataDirectory = dataDirectory;
        this.environment = environment;
    }

    @Override
    public void run() {
        Path directory = dataDirectory.get().orElseThrow(() -> new AdminUsageException(
                "give the server's data directory (--data-dir DIR): its keys and installation-id belong to the backup"));
        if (Files.exists(destination)) {
            throw new AdminUsageException(destination + " already exists; give a new directory");
        }
        createPrivateDirectory(destination);
        Path backupStore = destination.resolve("primary.db");
        StoreSummary summary = url == null ? backUpSqlite(directory.resolve("primary.db"), backupStore)
                : backUpPostgres(backupStore);
        copyDataDirectoryFiles(directory, destination);
        int fromDatabase = url == null ? 0 : backUpPostgresPackages(destination.resolve("packages"));
        out.println("Backed up " + (url == null ? "sqlite:" + directory.resolve("primary.db").toAbsolutePath()
                : postgres.target(url, environment).description()) + " and the data directory's files into "
                + destination.toAbsolutePath() + ":");
        summary.lines().forEach(line -> out.println("  " + line));
        if (fromDatabase > 0) {
            out.println("  " + fromDatabase + " package(s) copied from the database into packages/, each checked"
                    + " against its size and SHA-256");
        }
    }

    /**
     * Writes every package the PostgreSQL store holds (several servers keep them in the database) into the backup's
     * {@code packages/}, each checked like an upload, unless the data directory already held it. Packages never
     * change once stored, and a release's row is written only after its package, so every package the copied rows
     * name is among them. Answers how many were copied.
     */
    private int backUpPostgresPackages(Path packages) {
        PostgresTarget source = postgres.target(url, environment);
        PostgresPackageBlobs blobs = PostgresPackageBlobs.over(source::connect);
        FilePackageStore files = FilePackageStore.open(packages);
        int copied = 0;
        for (String sha256 : blobs.stored()) {
            if (files.contains(sha256)) {
                continue;
            }
            try (PackageStore.Upload upload = files.begin(sha256, blobs.size(sha256).orElseThrow())) {
                if (blobs.copyTo(sha256, upload::write)) {
                    upload.complete();
                    copied++;
                }
            }
        }
        return copied;
    }

    private static StoreSummary backUpSqlite(Path store, Path backupStore) {
        try {
            SqliteStoreFile.backUpOnline(store, backupStore);
        } catch (StoreUnavailableException e) {
            throw new StoreCopyException(Reason.SOURCE_UNREADABLE, e.getMessage(), e);
        }
        try (SqliteStoreFile backup = SqliteStoreFile.openExclusive(backupStore, false)) {
            return StoreCopy.summarize(backup.connection());
        }
    }

    private StoreSummary backUpPostgres(Path backupStore) {
        PostgresTarget source = postgres.target(url, environment);
        try (Connection connection = source.connect(); SqliteStoreFile backup = SqliteStoreFile.createEmpty(backupStore)) {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            StoreCopy.copy(connection, backup.connection());
            StoreSummary verified = StoreCopy.verify(connection, backup.connection());
            connection.rollback();
            return verified;
        } catch (SQLException e) {
            throw new StoreCopyException(Reason.COPY_FAILED, "cannot read " + source.description() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Every file of the data directory but the store's own (and the endpoint a start rewrites), with its modes. */
    private static void copyDataDirectoryFiles(Path from, Path to) {
        try (var files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(file);
                if (relative.toString().isEmpty() || STORE_FILES.contains(relative.toString())) {
                    continue;
                }
                Path copy = to.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                    Files.setPosixFilePermissions(copy, Files.getPosixFilePermissions(file));
                } else {
                    Files.copy(file, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new AdminCommandException("cannot copy the data directory " + from + " into " + to + ": "
                    + e.getMessage(), e);
        }
    }

    private static void createPrivateDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, OwnerOnlyFiles.DIRECTORY);
        } catch (IOException e) {
            throw new AdminCommandException("cannot create " + directory + ": " + e.getMessage(), e);
        }
    }
}
