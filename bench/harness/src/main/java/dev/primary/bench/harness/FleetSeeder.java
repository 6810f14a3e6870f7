package dev.primary.bench.harness;

import dev.primary.protocol.crypto.Base64Url;
import dev.primary.protocol.crypto.Sha256;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.message.ComputerIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * Writes a large registered fleet straight into a stopped server's SQLite database, row for row as the store
 * itself holds a computer that registered some days ago and checks in every four hours: computer {@code n} is
 * {@code BENCH\PC-000000n} with its own Ed25519 client key, licensed with a lease under the given license for the
 * first {@code licensedCount}, queued for a seat after that. Keys and lease ids are derived from {@code n}
 * ({@link #clientKey}, {@link #leaseId}), so a simulator can check in as any seeded computer (with a sequence
 * above 0). Bulk load: the {@code computers} table's secondary indexes are dropped and made again afterwards.
 */
public final class FleetSeeder {
    /** The domain of every seeded computer; simulated registrations should use another. */
    public static final String DOMAIN = "BENCH";
    private static final Logger LOG = LoggerFactory.getLogger(FleetSeeder.class);
    private static final String DATABASE_FILE = "primary.db";

    private FleetSeeder() {}

    /**
     * Adds {@code computers} computers to the database in {@code dataDirectory}, the first {@code licensedCount}
     * holding a seat of {@code licenseSerial}, the rest waiting for one (only when no seat of it is left free, as
     * the server would have it). The server must be stopped; the license must be imported and unlocked.
     *
     * @return how many computers the database holds afterwards
     * @throws IllegalStateException when the server still runs, or the license is missing or not unlocked
     * @throws IllegalArgumentException when the counts do not fit the license
     */
    public static long seed(Path dataDirectory, String licenseSerial, int computers, int licensedCount) {
        if (computers < 0 || licensedCount < 0 || licensedCount > computers || computers > 9_999_999) {
            throw new IllegalArgumentException("need 0 <= licensedCount <= computers <= 9,999,999, got "
                    + licensedCount + " of " + computers);
        }
        Path database = dataDirectory.resolve(DATABASE_FILE).toAbsolutePath();
        if (!Files.isRegularFile(database)) {
            throw new IllegalStateException("no database at " + database + ": start the server once and license it");
        }
        long started = System.nanoTime();
        try (FileChannel lockFile = FileChannel.open(database.resolveSibling(DATABASE_FILE + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("a server has " + database + " open: stop it before seeding");
            }
            long total = seedLocked(database, licenseSerial, computers, licensedCount);
            LOG.info("seeded {} computers ({} licensed) into {} in {} ms", computers, licensedCount, database,
                    (System.nanoTime() - started) / 1_000_000);
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + database + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("seeding " + database + " failed: " + e.getMessage(), e);
        }
    }

    /** The identity of seeded computer {@code number} (from 1): {@code BENCH\PC-0000001}. */
    public static ComputerIdentity computer(int number) {
        return ComputerIdentity.computer(String.format(Locale.ROOT, "PC-%07d", number), DOMAIN);
    }

    /** The Ed25519 key of seeded computer {@code number}'s client, derived from the number. */
    public static SigningKey clientKey(int number) {
        return new SigningKey(SeededClientKey.seed(number));
    }

    /** The id of the lease seeded computer {@code number} holds (when licensed). */
    public static String leaseId(int number) {
        byte[] digest = Sha256.of(("primary-bench/lease/" + number).getBytes(StandardCharsets.UTF_8));
        return Base64Url.encode(Arrays.copyOf(digest, 16));
    }

    private static long seedLocked(Path database, String licenseSerial, int computers, int licensedCount)
            throws SQLException {
        try (Connection connection = bulkConnection(database)) {
            requireSeatsFor(connection, licenseSerial, computers, licensedCount);
            ComputerIndexes indexes = ComputerIndexes.drop(connection);
            connection.commit();
            long inserting = System.nanoTime();
            try {
                new FleetInserts(licenseSerial, computers, licensedCount, Instant.now()).run(connection);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                indexes.recreate(connection);
                connection.commit();
                throw e;
            }
            long indexing = System.nanoTime();
            indexes.recreate(connection);
            connection.commit();
            LOG.info("rows made and inserted in {} ms, {} indexes and triggers made again in {} ms",
                    (indexing - inserting) / 1_000_000, indexes.count(), (System.nanoTime() - indexing) / 1_000_000);
            return finish(connection);
        }
    }

    /** Recounts the seats used as the store does at start, and goes back to the store's WAL journal. */
    private static long finish(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE licenses SET used = (SELECT COUNT(*) FROM computers"
                    + " WHERE computers.license_serial = licenses.serial)");
            connection.commit();
            connection.setAutoCommit(true);
            statement.execute("PRAGMA journal_mode = WAL");
            try (ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM computers")) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void requireSeatsFor(Connection connection, String serial, int computers, int licensedCount)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT seats, unlocked_at IS NOT NULL,"
                + " (SELECT COUNT(*) FROM computers WHERE license_serial = ?) FROM licenses WHERE serial = ?")) {
            query.setString(1, serial);
            query.setString(2, serial);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("license " + serial + " is not in the database: license the server first");
                }
                if (!row.getBoolean(2)) {
                    throw new IllegalStateException("license " + serial + " is not unlocked yet");
                }
                requireFit(serial, row.getLong(1) - row.getLong(3), computers, licensedCount);
            }
        }
    }

    static void requireFit(String serial, long free, int computers, int licensedCount) {
        if (licensedCount > free) {
            throw new IllegalArgumentException(licensedCount + " licensed computers do not fit the " + free
                    + " free seats of " + serial);
        }
        if (computers > licensedCount && licensedCount < free) {
            throw new IllegalArgumentException("waiting computers while " + (free - licensedCount) + " seats of "
                    + serial + " stay free is a state the server never makes: license all " + free + " or queue none");
        }
    }

    /**
     * A connection for a bulk load: a rollback journal in memory (pages go straight to the file, not through the
     * WAL), no fsync (a failed seed is simply repeated), a large page cache, index sorts in memory on every core.
     */
    private static Connection bulkConnection(Path database) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(10_000);
        config.setJournalMode(SQLiteConfig.JournalMode.MEMORY);
        config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
        config.setCacheSize(-256_000);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        Connection connection = config.createConnection("jdbc:sqlite:" + database);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA threads = " + Runtime.getRuntime().availableProcessors());
        }
        connection.setAutoCommit(false);
        return connection;
    }
}
