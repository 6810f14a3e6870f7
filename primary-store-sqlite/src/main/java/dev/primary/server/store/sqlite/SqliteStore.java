package dev.primary.server.store.sqlite;

import dev.primary.server.licensing.LicensingReads;
import dev.primary.server.licensing.LicensingStore;
import dev.primary.server.licensing.LicensingWrites;
import dev.primary.server.release.ReleaseReads;
import dev.primary.server.release.ReleaseStore;
import dev.primary.server.release.ReleaseWrites;
import dev.primary.server.store.OwnerOnlyFiles;
import dev.primary.server.store.StoreUnavailableException;
import dev.primary.server.store.jdbc.GroupCommitWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The embedded store of the licensing and release cores: one SQLite file in WAL mode with
 * {@code synchronous=FULL}, so every commit is on disk before it is acknowledged. Its files are owner-only
 * ({@code 0600}). One writer thread group-commits the units of work
 * ({@link GroupCommitWriter}); reads use their own read-only connections. An OS lock on
 * {@code <file>.lock} keeps a second server off the same database.
 *
 * <p>The writer's connection keeps its savepoint journals in memory ({@code temp_store=MEMORY}) and copies the WAL
 * back into the database every {@link #WAL_PAGES_BEFORE_CHECKPOINT} pages, not every 1,000 (SQLite's default): see
 * {@link #connect}.
 */
public final class SqliteStore implements LicensingStore, ReleaseStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);
    /**
     * How many pages the write-ahead log may hold before a commit copies them into the database file
     * ({@code wal_autocheckpoint}): 10,000 pages, about 40 MiB of {@code -wal} file at the most, instead of SQLite's
     * 1,000. A page written again before the copy (a seat count, the tail of an index, a search segment) is copied once.
     */
    static final int WAL_PAGES_BEFORE_CHECKPOINT = 10_000;

    private final Path databaseFile;
    private final StoreLock lock;
    private final SqlSession writeSession;
    private final GroupCommitWriter<SqliteWrites> writer;
    private final ReadConnections readers;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Limits of the store.
     *
     * @param writeQueue units that may wait for the writer before callers are told the server is busy
     * @param maxBatch units committed together at most
     * @param readConnections read-only connections at most
     * @param waitLimit how long a caller waits for its write or for a read connection
     */
    public record Limits(int writeQueue, int maxBatch, int readConnections, Duration waitLimit) {
        public static final Limits DEFAULT = new Limits(10_000, 500, 4, Duration.ofSeconds(30));

        public Limits {
            if (writeQueue < 1 || maxBatch < 1 || readConnections < 1) {
                throw new IllegalArgumentException("writeQueue, maxBatch and readConnections must be at least 1");
            }
            if (waitLimit == null || waitLimit.isNegative() || waitLimit.isZero()) {
                throw new IllegalArgumentException("waitLimit must be positive, got " + waitLimit);
            }
        }
    }

    private SqliteStore(Path databaseFile, StoreLock lock, Connection writeConnection, Limits limits) {
        this.databaseFile = databaseFile;
        this.lock = lock;
        this.writeSession = new SqlSession(writeConnection, databaseFile.getParent());
        this.writer = new GroupCommitWriter<>("sqlite-writer", new SqliteTransactions(writeConnection,
                new SqliteWrites(writeSession), databaseFile.getParent()), limits.writeQueue(), limits.maxBatch(),
                limits.waitLimit());
        this.readers = new ReadConnections(() -> connect(databaseFile, true), limits.readConnections(),
                limits.waitLimit());
    }

    /** Opens (creating or migrating) the database {@code databaseFile} with the default limits. */
    public static SqliteStore open(Path databaseFile) {
        return open(databaseFile, Limits.DEFAULT);
    }

    /**
     * Opens (creating or migrating) the database {@code databaseFile}.
     *
     * @throws dev.primary.server.store.StoreLockedException if another store has it open
     */
    public static SqliteStore open(Path databaseFile, Limits limits) {
        Path file = inRealDirectory(databaseFile);
        StoreLock lock = StoreLock.acquire(file);
        Connection writeConnection = null;
        try {
            prepareFile(file);
            migrate(file);
            writeConnection = connect(file, false);
            recountSeatsUsed(writeConnection);
            LOG.info("store - opened sqlite:{}", file);
            return new SqliteStore(file, lock, writeConnection, limits);
        } catch (RuntimeException e) {
            if (writeConnection != null) {
                new SqlSession(writeConnection).close();
            }
            lock.close();
            throw e;
        }
    }

    /** Tells {@code observer} of every commit of the writer from now on (commit latency and batch size). */
    public void observeCommits(dev.primary.server.store.CommitObserver observer) {
        writer.observeCommits(observer);
    }

    /** What this store is, for the server status: {@code sqlite:/var/lib/primary/primary.db}. */
    public String description() {
        return "sqlite:" + databaseFile;
    }

    @Override
    public <T> T write(Function<LicensingWrites, T> unit) {
        return writer.submit(unit::apply);
    }

    @Override
    public <T> T read(Function<LicensingReads, T> unit) {
        return readers.read(unit::apply);
    }

    /** Release units run on the same writer as licensing ones: one at a time, group-committed. */
    @Override
    public <T> T writeReleases(Function<ReleaseWrites, T> unit) {
        return writer.submit(unit::apply);
    }

    @Override
    public <T> T readReleases(Function<ReleaseReads, T> unit) {
        return readers.read(unit::apply);
    }

    /**
     * Test seam, not a setting: caps the database at {@code maxPages} pages ({@code PRAGMA max_page_count} on the
     * write connection; never below its current size), so a test meets a real {@code SQLITE_FULL} without filling a
     * disk. A large value lifts the cap again. Returns the cap now in force.
     */
    public long capPagesForTests(long maxPages) {
        return writer.submit(writes -> writeSession.number("PRAGMA max_page_count = " + Math.max(1, maxPages)));
    }

    /** Transactions committed so far; fewer than {@link #writesCommitted()} when writes were grouped. */
    long commits() {
        return writer.commits();
    }

    long writesCommitted() {
        return writer.units();
    }

    /** Units waiting for the writer now. */
    int queuedWrites() {
        return writer.queued();
    }

    /** Lets the queued writes finish, closes every connection (which checkpoints the WAL) and drops the lock. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        writer.close();
        readers.close();
        writeSession.close();
        lock.close();
        LOG.info("store - closed sqlite:{}", databaseFile);
    }

    /** The file in its directory's real path (created if missing), so two names for one file share one lock. */
    private static Path inRealDirectory(Path databaseFile) {
        Path absolute = databaseFile.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.getParent());
            return absolute.getParent().toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + absolute + ": " + e.getMessage(), e);
        }
    }

    /**
     * A new database file is created owner-only before SQLite opens it: SQLite gives its {@code -wal} and
     * {@code -shm} files the mode of the database file, so all three stay {@code 0600} whatever the umask and
     * the directory. Existing files found more open are tightened. A file that is not a Primary store is
     * never migrated: that would write Primary's tables into someone else's database.
     */
    private static void prepareFile(Path file) {
        StoreFileState state = StoreFileState.of(file);
        if (state == StoreFileState.NOT_A_PRIMARY_STORE) {
            throw new StoreUnavailableException(file + " is not a Primary store (no " + StoreFileState.SCHEMA_HISTORY_TABLE
                    + " table); it was left as it is");
        }
        if (state == StoreFileState.ABSENT) {
            OwnerOnlyFiles.createFile(file);
        }
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            OwnerOnlyFiles.tighten(file.resolveSibling(file.getFileName() + suffix));
        }
    }

    private static void migrate(Path file) {
        try {
            Flyway.configure(SqliteStore.class.getClassLoader())
                    .dataSource("jdbc:sqlite:" + file, "", "")
                    .locations("classpath:db/migration/sqlite")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreUnavailableException("cannot migrate the database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A read-only connection, or the writer's. The writer's keeps its savepoint journals in memory: every unit runs in
     * a savepoint of its own ({@link GroupCommitWriter}), and SQLite moves a savepoint's journal (the pages as they
     * were before the unit) to a temporary file once it passes 64 KiB, which a registration's unit does: that was two
     * thirds of the bytes a registration wrote (docs/performance.md). In memory it holds at most one unit's pages,
     * since each savepoint is released after its unit; a crash loses nothing by it, as an uncommitted transaction is
     * discarded either way. Only the writer's connection: a reader's temporary tables (a sort of the console's) stay
     * files.
     */
    private static Connection connect(Path file, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(10_000);
        if (readOnly) {
            config.setReadOnly(true);
            config.setCacheSize(-8_000);
        } else {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setCacheSize(-16_000);
            config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        }
        try {
            Connection connection = config.createConnection("jdbc:sqlite:" + file);
            if (!readOnly) {
                try (Statement checkpoints = connection.createStatement()) {
                    checkpoints.execute("PRAGMA wal_autocheckpoint = " + WAL_PAGES_BEFORE_CHECKPOINT);
                }
            }
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    /** The seats-used counts are kept with every grant; recounting them at start heals any drift. */
    private static void recountSeatsUsed(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE licenses SET used = (SELECT COUNT(*) FROM computers"
                    + " WHERE computers.license_serial = licenses.serial)");
            connection.commit();
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot recount the seats in use: " + e.getMessage(), e);
        }
    }
}
