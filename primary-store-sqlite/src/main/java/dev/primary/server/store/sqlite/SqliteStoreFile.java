package dev.primary.server.store.sqlite;

import dev.primary.server.store.OwnerOnlyFiles;
import dev.primary.server.store.StoreUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * An SQLite store file opened by a tool rather than by a server: for a copy into or out of it, with the store's
 * lock held ({@link #openExclusive}) so no server uses it meanwhile, or read without the lock for an online backup
 * ({@link #backUpOnline}), which a running server does not notice.
 */
public final class SqliteStoreFile implements AutoCloseable {
    private final StoreLock lock;
    private final Connection connection;

    private SqliteStoreFile(StoreLock lock, Connection connection) {
        this.lock = lock;
        this.connection = connection;
    }

    /**
     * Takes the store's lock and opens one connection to the existing Primary store {@code file} (auto-commit off; a
     * read-only one unless {@code writable}), whose reads see one snapshot until it commits.
     *
     * @throws dev.primary.server.store.StoreLockedException if a server (or another tool) has the store open
     * @throws StoreUnavailableException if the file is no Primary store
     */
    public static SqliteStoreFile openExclusive(Path file, boolean writable) {
        Path absolute = file.toAbsolutePath().normalize();
        StoreFileState state = StoreFileState.of(absolute);
        if (state != StoreFileState.PRIMARY_STORE) {
            throw new StoreUnavailableException(absolute + " is not a Primary store (" + state.name().toLowerCase()
                    .replace('_', ' ') + ")");
        }
        StoreLock lock = StoreLock.acquire(realPath(absolute));
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(10_000);
            config.setReadOnly(!writable);
            if (writable) {
                config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            }
            Connection connection = config.createConnection("jdbc:sqlite:" + absolute);
            connection.setAutoCommit(false);
            return new SqliteStoreFile(lock, connection);
        } catch (SQLException e) {
            lock.close();
            throw new StoreUnavailableException("cannot open " + absolute + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Creates {@code file} as a new, empty Primary store at this version's schema (owner-only, as the server makes
     * it) and opens it as {@link #openExclusive} does, writable.
     *
     * @throws StoreUnavailableException if {@code file} already exists
     */
    public static SqliteStoreFile createEmpty(Path file) {
        if (Files.exists(file)) {
            throw new StoreUnavailableException(file + " already exists; give a new file");
        }
        SqliteStore.open(file).close();
        return openExclusive(file, true);
    }

    /**
     * Writes a consistent copy of the store {@code databaseFile} to the new file {@code backupFile} with SQLite's
     * {@code VACUUM INTO}: one read transaction, so the copy is the store as of one instant, while a server keeps
     * writing (WAL readers do not block the writer). The backup is owner-only.
     *
     * @throws StoreUnavailableException if the store is no Primary store, or {@code backupFile} exists
     */
    public static void backUpOnline(Path databaseFile, Path backupFile) {
        StoreFileState state = StoreFileState.of(databaseFile);
        if (state != StoreFileState.PRIMARY_STORE) {
            throw new StoreUnavailableException(databaseFile + " is not a Primary store (" + state.name().toLowerCase()
                    .replace('_', ' ') + ")");
        }
        if (Files.exists(backupFile)) {
            throw new StoreUnavailableException(backupFile + " already exists; give a new file");
        }
        OwnerOnlyFiles.createFile(backupFile);
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(10_000);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + databaseFile.toAbsolutePath());
                Statement statement = connection.createStatement()) {
            statement.execute("VACUUM INTO '" + backupFile.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            deleteQuietly(backupFile);
            throw new StoreUnavailableException("cannot back up " + databaseFile + ": " + e.getMessage(), e);
        }
    }

    /** The open connection; the caller commits or rolls back its own work on it. */
    public Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing uncommitted is kept; the lock is dropped below either way
        } finally {
            lock.close();
        }
    }

    private static Path realPath(Path file) {
        try {
            return file.getParent().toRealPath().resolve(file.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the failure reported is the backup's
        }
    }
}
