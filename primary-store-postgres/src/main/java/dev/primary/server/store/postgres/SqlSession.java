package dev.primary.server.store.postgres;

import dev.primary.server.store.StoreUnavailableException;
import dev.primary.server.store.jdbc.StoredValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One pooled JDBC connection inside one transaction, used by one thread. Every SQL failure becomes a store
 * exception ({@link PostgresFailures}); parameters may be {@code null}, {@link Instant}s are stored as epoch
 * milliseconds, as on the SQLite store. Statements are not cached here: the driver keeps server-side prepared
 * statements per connection itself.
 */
final class SqlSession {
    private final Connection connection;

    SqlSession(Connection connection) {
        this.connection = connection;
    }

    /** A row of a result, mapped to a value. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    int update(String sql, Object... parameters) {
        try (PreparedStatement statement = bound(sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters) {
        try (PreparedStatement statement = bound(sql, parameters); ResultSet rows = statement.executeQuery()) {
            List<T> values = new ArrayList<>();
            while (rows.next()) {
                values.add(mapper.map(rows));
            }
            return values;
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... parameters) {
        try (PreparedStatement statement = bound(sql, parameters); ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    long number(String sql, Object... parameters) {
        return one(sql, row -> row.getLong(1), parameters)
                .orElseThrow(() -> new StoreUnavailableException("query returned no row: " + sql));
    }

    private PreparedStatement bound(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, StoredValues.parameter(parameters[i]));
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private static RuntimeException failure(String sql, SQLException e) {
        String statement = sql.length() > 60 ? sql.substring(0, 60) + "..." : sql;
        return PostgresFailures.classify("the store statement " + statement, e);
    }
}
