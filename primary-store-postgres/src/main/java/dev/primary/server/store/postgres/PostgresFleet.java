package dev.primary.server.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What several servers on one database agree on through it, apart from the store contract: the fleet's public
 * identity (recorded by the first server, compared by every later one) and whose turn a periodic job is.
 *
 * <p>A job's turn ({@link #takeTurn}) is decided in one short transaction: a transaction-scoped advisory lock on the
 * job's own key taken without waiting ({@code pg_try_advisory_xact_lock}; another server deciding the same job at the
 * same moment simply skips), then the job's last run read and, when it is older than {@code period} less a tenth
 * (the slack absorbs the drift of each server's own timer), replaced by this run. So however many servers tick, the
 * job runs about once per period; a server that dies while running it leaves the job to the next period.
 */
public final class PostgresFleet {
    /** The advisory lock keys of jobs: this prefix ("PRIMJ" in ASCII) and 24 bits of the job name's hash. */
    private static final long JOB_KEY_PREFIX = 0x5052494D4A000000L;

    private final Supplier<Connection> connections;

    PostgresFleet(Supplier<Connection> connections) {
        this.connections = connections;
    }

    /**
     * Records {@code mine} as the fleet's identity if none is recorded yet, and answers the recorded one (which is
     * {@code mine} on the first start, and whatever the first server recorded on every later one).
     */
    public FleetIdentityRow recordOrRead(FleetIdentityRow mine, String node, Instant now) {
        try (Connection connection = connections.get()) {
            try {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fleet_identity (singleton, "
                        + "installation_id, signing_key, tls_pin, ticket_secret_id, recorded_at, recorded_by) "
                        + "VALUES (1, ?, ?, ?, ?, ?, ?) ON CONFLICT (singleton) DO NOTHING")) {
                    insert.setString(1, mine.installationId());
                    insert.setString(2, mine.signingKey());
                    insert.setString(3, mine.tlsPin());
                    insert.setString(4, mine.ticketSecretId());
                    insert.setLong(5, now.toEpochMilli());
                    insert.setString(6, node);
                    insert.executeUpdate();
                }
                FleetIdentityRow recorded;
                try (PreparedStatement select = connection.prepareStatement("SELECT installation_id, signing_key, "
                        + "tls_pin, ticket_secret_id FROM fleet_identity WHERE singleton = 1");
                        ResultSet row = select.executeQuery()) {
                    row.next();
                    recorded = new FleetIdentityRow(row.getString(1), row.getString(2), row.getString(3),
                            row.getString(4));
                }
                connection.commit();
                return recorded;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw PostgresFailures.classify("recording the fleet's identity", e);
        }
    }

    /**
     * Whether this server runs {@code job} now: true (and the run recorded) if no server ran it within
     * {@code period} (less a tenth) and no other server is deciding it at this moment.
     */
    public boolean takeTurn(String job, Duration period, String node, Instant now) {
        long due = now.toEpochMilli() - period.toMillis() * 9 / 10;
        try (Connection connection = connections.get()) {
            try {
                boolean mine = tryLock(connection, job) && recordRunIfDue(connection, job, node, now, due);
                connection.commit();
                return mine;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw PostgresFailures.classify("deciding whose turn " + job + " is", e);
        }
    }

    /** How often {@code job} ran on any server of the fleet (0 if never): for status and tests. */
    public long runs(String job) {
        try (Connection connection = connections.get();
                PreparedStatement select = connection.prepareStatement("SELECT runs FROM fleet_job_runs WHERE job = ?")) {
            select.setString(1, job);
            try (ResultSet row = select.executeQuery()) {
                long runs = row.next() ? row.getLong(1) : 0;
                connection.commit();
                return runs;
            }
        } catch (SQLException e) {
            throw PostgresFailures.classify("reading the runs of " + job, e);
        }
    }

    private static boolean tryLock(Connection connection, String job) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, JOB_KEY_PREFIX | (job.hashCode() & 0xFFFFFFL));
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private static boolean recordRunIfDue(Connection connection, String job, String node, Instant now, long due)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO fleet_job_runs (job, last_run, "
                + "last_node, runs) VALUES (?, ?, ?, 1) ON CONFLICT (job) DO UPDATE SET last_run = EXCLUDED.last_run, "
                + "last_node = EXCLUDED.last_node, runs = fleet_job_runs.runs + 1 WHERE fleet_job_runs.last_run <= ?")) {
            upsert.setString(1, job);
            upsert.setLong(2, now.toEpochMilli());
            upsert.setString(3, node);
            upsert.setLong(4, due);
            return upsert.executeUpdate() == 1;
        }
    }
}
