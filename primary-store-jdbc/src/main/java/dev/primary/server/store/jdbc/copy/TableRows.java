package dev.primary.server.store.jdbc.copy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The rows of one table, read in key order, each as its values (a {@code Long}, a {@code String} or {@code null}
 * per column) and fed into a SHA-256 digest in a canonical form that does not depend on the database: per value a
 * tag (null, integer, text), an integer as 8 bytes, text as its UTF-8 length and bytes. Two stores holding the same
 * rows give the same count and digest.
 */
final class TableRows implements AutoCloseable {
    private static final byte NULL = 0;
    private static final byte INTEGER = 1;
    private static final byte TEXT = 2;

    private final Table table;
    private final Statement statement;
    private final ResultSet rows;
    private final MessageDigest digest;
    private long count;
    private Object[] current;

    TableRows(Connection connection, Database database, Table table) throws SQLException {
        this.table = table;
        this.statement = connection.createStatement();
        this.statement.setFetchSize(1_000);
        this.rows = statement.executeQuery(database.selectInKeyOrder(table));
        this.digest = sha256();
    }

    /** Moves to the next row; false after the last. */
    boolean next() throws SQLException {
        if (!rows.next()) {
            current = null;
            return false;
        }
        Object[] values = new Object[table.columns().size()];
        for (int i = 0; i < values.length; i++) {
            Column column = table.columns().get(i);
            if (column.kind() == Column.Kind.INTEGER) {
                long value = rows.getLong(i + 1);
                values[i] = rows.wasNull() ? null : value;
            } else {
                values[i] = rows.getString(i + 1);
            }
        }
        feed(values);
        count++;
        current = values;
        return true;
    }

    /** The current row's values, in {@link Table#columns()} order. */
    Object[] values() {
        return current;
    }

    long count() {
        return count;
    }

    String digestHex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The current row's key, for a message: {@code id=7} or {@code product=recorder, version=1.2.3}. */
    String key() {
        StringBuilder text = new StringBuilder();
        for (String key : table.key()) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(key).append('=').append(current[table.columns().indexOf(table.column(key))]);
        }
        return text.toString();
    }

    private void feed(Object[] values) {
        for (Object value : values) {
            if (value == null) {
                digest.update(NULL);
            } else if (value instanceof Long number) {
                digest.update(INTEGER);
                digest.update(ByteBuffer.allocate(Long.BYTES).putLong(number).array());
            } else {
                byte[] text = ((String) value).getBytes(StandardCharsets.UTF_8);
                digest.update(TEXT);
                digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(text.length).array());
                digest.update(text);
            }
        }
    }

    static boolean sameRow(Object[] a, Object[] b) {
        return Arrays.equals(a, b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            rows.close();
        } finally {
            statement.close();
        }
    }
}
