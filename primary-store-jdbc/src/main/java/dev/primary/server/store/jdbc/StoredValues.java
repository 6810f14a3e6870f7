package dev.primary.server.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** How values outside SQL's common types are stored: an {@link Instant} as epoch milliseconds, on every store. */
public final class StoredValues {
    private StoredValues() {}

    /** The instant in {@code column}, or {@code null} when the column is NULL. */
    public static Instant instant(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    /** {@code value} as it is bound to a statement's parameter. */
    public static Object parameter(Object value) {
        return value instanceof Instant instant ? instant.toEpochMilli() : value;
    }
}
