package dev.primary.server.store.sqlite;

import dev.primary.server.store.jdbc.SqlStatements;
import dev.primary.server.store.jdbc.StoredValues;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One JDBC connection, used by one thread at a time, with its prepared statements kept for reuse.
 * Every SQL failure becomes a {@link dev.primary.server.store.StoreFullException} when the disk is full
 * ({@link SqliteFailures}), else a {@link dev.primary.server.store.StoreUnavailableException}; parameters may be
 * {@code null}, {@link Instant}s are stored as epoch milliseconds.
 */
final class SqlSession implements SqlStatements, AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final Path directory;

    SqlSession(Connection connection) {
        this(connection, null);
    }

    /** A session that looks at {@code directory}'s free space to tell a full disk from other I/O errors. */
    SqlSession(Connection connection, Path directory) {
        this.connection = connection;
        this.directory = directory;
    }

    Connection connection() {
        return connection;
    }

    @Override
    public int update(String sql, Object... parameters) {
        try {
            return bound(sql, parameters).executeUpdate();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    @Override
    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters) {
        try (ResultSet rows = bound(sql, parameters).executeQuery()) {
            List<T> values = new ArrayList<>();
            while (rows.next()) {
                values.add(mapper.map(rows));
            }
            return values;
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    @Override
    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... parameters) {
        try (ResultSet rows = bound(sql, parameters).executeQuery()) {
            return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    void commit() {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw SqliteFailures.classify("the commit", e, directory);
        }
    }

    void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The connection is unusable; the next statement reports it.
        }
    }

    private PreparedStatement bound(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            statement.setObject(i + 1, StoredValues.parameter(parameters[i]));
        }
        return statement;
    }

    /** A failed statement is dropped from the cache: after some failures (a full disk) the driver cannot run it again. */
    private RuntimeException failure(String sql, SQLException e) {
        PreparedStatement failed = statements.remove(sql);
        if (failed != null) {
            try {
                failed.close();
            } catch (SQLException closeFailure) {
                e.addSuppressed(closeFailure);
            }
        }
        String statement = sql.length() > 60 ? sql.substring(0, 60) + "..." : sql;
        return SqliteFailures.classify("the store statement " + statement, e, directory);
    }

    @Override
    public void close() {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        statements.clear();
        try {
            connection.close();
        } catch (SQLException e) {
            // closing anyway
        }
    }
}
