package dev.primary.server.store.postgres;

import dev.primary.server.store.jdbc.GroupTransactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * The PostgreSQL store's groups: each on a connection taken from the pool for the group, whose transaction first takes
 * the store's write lock ({@link WriteLock}), so that the group's units run as if alone among every server's on the
 * database; the commit or rollback releases the lock, and the connection goes back to the pool.
 */
final class PostgresTransactions implements GroupTransactions<PostgresWrites> {
    private final Supplier<Connection> connections;

    /** @param connections a pooled connection, not in a transaction yet (auto-commit off); throws a store exception */
    PostgresTransactions(Supplier<Connection> connections) {
        this.connections = connections;
    }

    @Override
    public Transaction<PostgresWrites> open() throws SQLException {
        Connection connection = connections.get();
        try {
            WriteLock.take(connection);
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection, e);
            closeQuietly(connection, e);
            throw e;
        }
        PostgresWrites writes = new PostgresWrites(new SqlSession(connection));
        return new Transaction<>() {
            @Override
            public Connection connection() {
                return connection;
            }

            @Override
            public PostgresWrites context() {
                return writes;
            }

            @Override
            public void rollback(RuntimeException failure) {
                rollbackQuietly(connection, failure);
            }

            @Override
            public void close() {
                closeQuietly(connection, null);
            }
        };
    }

    @Override
    public RuntimeException failure(String what, SQLException failure) {
        return PostgresFailures.classify(what, failure);
    }

    /** Rolls {@code connection}'s transaction back; a failure to do so is added to {@code failure}. */
    static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    /** Back to the pool; a connection that cannot even be returned is the pool's to discard. */
    private static void closeQuietly(Connection connection, Throwable failure) {
        try {
            connection.close();
        } catch (SQLException closeFailure) {
            if (failure != null) {
                failure.addSuppressed(closeFailure);
            }
        }
    }
}
