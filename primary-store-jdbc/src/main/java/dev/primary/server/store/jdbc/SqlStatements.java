package dev.primary.server.store.jdbc;

import dev.primary.server.store.StoreUnavailableException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Prepared statements on one connection, used by one thread. Each store says how it prepares them and what a
 * failure becomes; parameters may be {@code null}, and are bound as {@link StoredValues#parameter} says.
 */
public interface SqlStatements {
    /** A row of a result, mapped to a value. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Runs a change; returns the rows changed. */
    int update(String sql, Object... parameters);

    <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters);

    <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... parameters);

    /** The first column of the one row {@code sql} returns, as a number. */
    default long number(String sql, Object... parameters) {
        return one(sql, row -> row.getLong(1), parameters)
                .orElseThrow(() -> new StoreUnavailableException("query returned no row: " + sql));
    }
}
