package dev.primary.server.store.postgres;

import dev.primary.server.store.jdbc.SqlStatements;
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
final class SqlSession implements SqlStatements {
    private final Connection connection;

    SqlSession(Connection connection) {
        this.connection = connection;
    }

    @Override
    public int update(String sql, Object... parameters) {
        try (PreparedStatement statement = bound(sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    @Override
    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters) {
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

    @Override
    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... parameters) {
        try (PreparedStatement statement = bound(sql, parameters); ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
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
