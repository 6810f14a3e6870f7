package dev.primary.server.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import dev.primary.server.licensing.LicensingReads;
import dev.primary.server.licensing.LicensingStore;
import dev.primary.server.licensing.LicensingWrites;
import dev.primary.server.release.ReleaseReads;
import dev.primary.server.release.ReleaseStore;
import dev.primary.server.release.ReleaseWrites;
import dev.primary.server.store.CommitObserver;
import dev.primary.server.store.StoreUnavailableException;
import dev.primary.server.store.jdbc.GroupCommitWriter;
import dev.primary.server.store.jdbc.JdbcReads;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store of the licensing and release cores on PostgreSQL, for larger fleets. Every guarantee of the store
 * contract is held by the database, not by this process: units of work are run by this server's one writer with
 * group commit ({@link GroupCommitWriter}), each group in one transaction on a pooled connection (HikariCP) that
 * first takes a transaction-scoped advisory lock, the store's write lock ({@link WriteLock}), and each unit in a
 * savepoint of its own (one that fails is rolled back alone). So units are isolated from every other unit of every
 * server on the same database, and one sync of the database's log commits a whole group; the lock is released by
 * the commit or rollback, or by the database when a server dies. {@code synchronous_commit} is on for every
 * connection, so a unit is durable when {@link #write} returns. Reads run on a pool of their own, whose
 * connections begin every transaction as {@code REPEATABLE READ READ ONLY} (one snapshot, and no round trip to say
 * so), and never wait for the write lock. The unique holder key, primary keys and the conditional sequence update
 * stand behind the lock as the schema's own rules.
 */
public final class PostgresStore implements LicensingStore, ReleaseStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresStore.class);
    /**
     * How long a session may sit idle inside a transaction before the database ends it (and releases its locks). Units
     * never wait between their statements on anything but this process's own CPU, so only a server that vanished
     * reaches it.
     */
    static final java.time.Duration IDLE_IN_UNIT_LIMIT = java.time.Duration.ofSeconds(15);

    /** Units that may wait for this server's writer before callers are told it is busy (503), as on the embedded store. */
    static final int WRITE_QUEUE = 10_000;
    /** Units committed together at most, as on the embedded store. */
    static final int MAX_BATCH = 500;
    /**
     * Connections for everything but the reads of the licensing and release cores: the writer's groups (one at a
     * time), the fleet's job turns and relay, and package transfers.
     */
    static final int WRITE_POOL_SIZE = 4;

    private final HikariDataSource pool;
    private final HikariDataSource readPool;
    private final String description;
    private final PostgresSettings settings;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final GroupCommitWriter<PostgresWrites> writer;

    private PostgresStore(HikariDataSource pool, HikariDataSource readPool, PostgresSettings settings) {
        this.pool = pool;
        this.readPool = readPool;
        this.description = settings.description();
        this.settings = settings;
        this.writer = new GroupCommitWriter<>("postgres-writer", new PostgresTransactions(this::pooledConnection),
                WRITE_QUEUE, MAX_BATCH, settings.waitLimit().multipliedBy(3));
    }

    /**
     * Connects to the database {@code settings} name, migrates it to this version's schema and recounts the seats
     * in use.
     *
     * @throws StoreUnavailableException if the database cannot be reached or migrated
     */
    public static PostgresStore open(PostgresSettings settings) {
        HikariDataSource pool = pool(settings, "primary-store", WRITE_POOL_SIZE, false);
        HikariDataSource readPool;
        try {
            migrate(pool, settings);
            readPool = pool(settings, "primary-store-reads", settings.poolSize(), true);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        PostgresStore store = new PostgresStore(pool, readPool, settings);
        try {
            store.recountSeatsUsed();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        LOG.info("store - opened {} ({} connections for reads, {} for writes and the fleet)", settings.description(),
                settings.poolSize(), WRITE_POOL_SIZE);
        return store;
    }

    /** What this store is, for the server status: {@code postgresql://db.example:5432/primary} (no credentials). */
    public String description() {
        return description;
    }

    /** What the servers sharing this database agree on through it: the fleet's identity and whose turn a job is. */
    public PostgresFleet fleet() {
        return new PostgresFleet(this::connection);
    }

    /**
     * The fleet's changes relayed between the servers on this database (LISTEN/NOTIFY); it listens on a connection of
     * its own, outside the pool, once told to receive.
     */
    public PostgresFleetRelay fleetRelay() {
        return new PostgresFleetRelay(this::connection,
                () -> DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password()));
    }

    /** Release and content packages kept in the database, so that every server of a fleet can serve them. */
    public PostgresPackageBlobs packageBlobs() {
        return new PostgresPackageBlobs(this::connection);
    }

    /** Tells {@code next} of every commit of this server's writer from now on (commit latency and batch size). */
    public void observeCommits(CommitObserver next) {
        writer.observeCommits(next);
    }

    /**
     * Publishes both pools' figures through {@code tracking} from now on (with HikariCP's Micrometer tracker: the
     * connections in use, idle and awaited, and the time to get one, each by pool name: {@code primary-store-reads}
     * and {@code primary-store}). Once per store.
     *
     * @throws IllegalStateException if the pools are tracked already
     */
    public void trackPools(MetricsTrackerFactory tracking) {
        readPool.setMetricsTrackerFactory(tracking);
        pool.setMetricsTrackerFactory(tracking);
    }

    /** Transactions this server's writer committed so far (each holds one or more units). */
    long commits() {
        return writer.commits();
    }

    /** Units waiting for this server's writer now. */
    int queuedWrites() {
        return writer.queued();
    }

    /** Test seam, not a setting: the value of run-time parameter {@code name} on the writer's and fleet's connections. */
    String sessionSetting(String name) {
        return setting(connection(), name);
    }

    /** Test seam: the value of run-time parameter {@code name} inside a read's transaction. */
    String readSetting(String name) {
        return setting(readConnection(), name);
    }

    private static String setting(Connection pooled, String name) {
        try (Connection connection = pooled; Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_setting('" + name.replace("'", "") + "')")) {
            row.next();
            String value = row.getString(1);
            connection.commit();
            return value;
        } catch (SQLException e) {
            throw PostgresFailures.classify("reading setting " + name, e);
        }
    }

    @Override
    public <T> T write(Function<LicensingWrites, T> unit) {
        return inWriteTransaction(unit::apply);
    }

    @Override
    public <T> T read(Function<LicensingReads, T> unit) {
        return inReadTransaction(unit::apply);
    }

    @Override
    public <T> T writeReleases(Function<ReleaseWrites, T> unit) {
        return inWriteTransaction(unit::apply);
    }

    @Override
    public <T> T readReleases(Function<ReleaseReads, T> unit) {
        return inReadTransaction(unit::apply);
    }

    private <T> T inWriteTransaction(Function<PostgresWrites, T> unit) {
        return writer.submit(unit);
    }

    /** On a connection of the read pool: its transactions are {@code REPEATABLE READ READ ONLY} from their start. */
    private <T> T inReadTransaction(Function<JdbcReads, T> unit) {
        try (Connection connection = readConnection()) {
            try {
                T result = unit.apply(new PostgresReads(new SqlSession(connection)));
                connection.commit();
                return result;
            } catch (RuntimeException | Error e) {
                PostgresTransactions.rollbackQuietly(connection, e);
                throw e;
            } catch (SQLException e) {
                PostgresTransactions.rollbackQuietly(connection, e);
                throw PostgresFailures.classify("a read", e);
            }
        } catch (SQLException e) {
            throw PostgresFailures.classify("returning a store connection", e);
        }
    }

    private Connection connection() {
        requireOpen();
        return pooledConnection();
    }

    private Connection readConnection() {
        requireOpen();
        return taken(readPool);
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new StoreUnavailableException("the store is closed");
        }
    }

    /**
     * A connection even while the store closes: the writer's, so that the units queued before {@link #close} are
     * still committed (the pool closes only after the writer has stopped).
     */
    private Connection pooledConnection() {
        return taken(pool);
    }

    private static Connection taken(HikariDataSource from) {
        try {
            return from.getConnection();
        } catch (SQLException e) {
            throw PostgresFailures.classify("taking a store connection", e);
        }
    }

    /** The seats-used counts are kept with every grant; recounting them at start (under the write lock) heals drift. */
    private void recountSeatsUsed() {
        inWriteTransaction(writes -> writes.recountSeatsUsed());
    }

    /**
     * A pool of {@code size} connections. With {@code reads}, every transaction on them begins as {@code REPEATABLE
     * READ} (the session's default, set once per connection) and {@code READ ONLY} (the driver begins it so), so a
     * read sees one snapshot without a statement of its own to ask for it; the writer's and the fleet's stay
     * {@code READ COMMITTED}, where each statement under the write lock sees every commit before it.
     */
    private static HikariDataSource pool(PostgresSettings settings, String name, int size, boolean reads) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(settings.waitLimit().toMillis());
        config.setAutoCommit(false);
        config.setTransactionIsolation(reads ? "TRANSACTION_REPEATABLE_READ" : "TRANSACTION_READ_COMMITTED");
        config.setReadOnly(reads);
        // Durable before the answer, whatever the server's default; a write lock not had in time is "busy"; a server
        // that vanishes (host down, network cut) in the middle of a unit does not hold the write lock of the whole
        // fleet for longer than IDLE_IN_UNIT_LIMIT: the database ends a session idle that long inside a transaction.
        config.setConnectionInitSql("SET synchronous_commit = on; SET lock_timeout = "
                + settings.waitLimit().toMillis() + "; SET idle_in_transaction_session_timeout = "
                + IDLE_IN_UNIT_LIMIT.toMillis());
        config.setInitializationFailTimeout(settings.waitLimit().toMillis());
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("cannot connect to " + settings.description() + ": "
                    + rootMessage(e), e);
        }
    }

    private static void migrate(HikariDataSource pool, PostgresSettings settings) {
        try {
            Flyway.configure(PostgresStore.class.getClassLoader())
                    .dataSource(pool)
                    .locations("classpath:db/migration/postgresql")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreUnavailableException("cannot migrate the database " + settings.description() + ": "
                    + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    /** Lets the writer commit the units queued before the close (for up to 30 s), then closes every connection. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        writer.close();
        readPool.close();
        pool.close();
        LOG.info("store - closed {}", description);
    }
}
