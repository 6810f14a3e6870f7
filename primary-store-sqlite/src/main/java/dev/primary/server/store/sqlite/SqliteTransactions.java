package dev.primary.server.store.sqlite;

import dev.primary.server.store.jdbc.GroupTransactions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded store's groups: every one on the writer's own connection, which always has a transaction open (the
 * driver begins the next one at each commit or rollback), with the same write API over it.
 */
final class SqliteTransactions implements GroupTransactions<SqliteWrites> {
    private final Transaction<SqliteWrites> transaction;
    private final Path directory;

    /** @param directory the database's directory, to tell a full disk from other I/O errors ({@link SqliteFailures}) */
    SqliteTransactions(Connection connection, SqliteWrites writes, Path directory) {
        this.directory = directory;
        this.transaction = new Transaction<>() {
            @Override
            public Connection connection() {
                return connection;
            }

            @Override
            public SqliteWrites context() {
                return writes;
            }

            /**
             * Rolls the transaction back. When SQLite already did (it may, on a full disk), the rollback fails and the
             * driver does not open the next transaction: it is opened here, so the next batch never runs statement by
             * statement outside a transaction.
             */
            @Override
            public void rollback(RuntimeException failure) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    try (Statement begin = connection.createStatement()) {
                        begin.execute("BEGIN");
                    } catch (SQLException beginFailure) {
                        failure.addSuppressed(beginFailure);
                    }
                }
            }

            @Override
            public void close() {
                // the writer's connection stays open for the store's life
            }
        };
    }

    @Override
    public Transaction<SqliteWrites> open() {
        return transaction;
    }

    @Override
    public RuntimeException failure(String what, SQLException failure) {
        return SqliteFailures.classify(what, failure, directory);
    }
}
