package dev.primary.server.store.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The store's write lock: a transaction-scoped advisory lock ({@code pg_advisory_xact_lock}) on one fixed key,
 * taken as the first statement of every unit of work. Units of every server on the database take it, so they
 * run as if one at a time, each seeing every unit committed before it: that is the store contract's isolation,
 * kept by the database (a commit, a rollback or a lost connection releases it; no server can hold it after it
 * died). Waiting is bounded by the session's {@code lock_timeout}: a unit that cannot have the lock in time fails
 * as busy ({@link PostgresFailures#LOCK_NOT_AVAILABLE}).
 *
 * <p>Why one lock and not row locks: a unit decides over several rows (the free seat, the head of the queue, the
 * computer's own row, the client's sequence) and may insert rows that do not exist yet; one lock makes every such
 * decision safe without reasoning about each, at the cost of one writer at a time per database, which is what the
 * embedded store does too. Finer locking is an optimisation for later, to be proved by the same contract tests.
 */
final class WriteLock {
    /** The lock's key, the same on every server ("PRIMARY" and a 1 in ASCII bytes); nothing else here uses it. */
    static final long KEY = 0x5052494D41525901L;

    private WriteLock() {}

    static void take(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + KEY + ")");
        }
    }
}
