package dev.primary.server.store.jdbc.copy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The two databases a store lives in, and the little the copier must say differently on each: how to list the
 * tables, how to order text the same way (bytes of UTF-8: SQLite's {@code BINARY}, PostgreSQL's {@code "C"}), and
 * how to move an id generator past copied ids.
 */
enum Database {
    SQLITE {
        @Override
        String tablesQuery() {
            return "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        }

        @Override
        String orderedText(String column) {
            return column;
        }

        @Override
        void moveGeneratedIdsPast(Connection connection, String table) {
            // AUTOINCREMENT and rowid tables move their generator past any id inserted explicitly.
        }
    },
    POSTGRESQL {
        @Override
        String tablesQuery() {
            return "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                    + " AND table_type = 'BASE TABLE' ORDER BY table_name";
        }

        @Override
        String orderedText(String column) {
            return column + " COLLATE \"C\"";
        }

        @Override
        void moveGeneratedIdsPast(Connection connection, String table) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'),"
                        + " COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM " + table);
            }
        }
    };

    abstract String tablesQuery();

    abstract String orderedText(String column);

    abstract void moveGeneratedIdsPast(Connection connection, String table) throws SQLException;

    static Database of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("sqlite")) {
            return SQLITE;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("not a database a Primary store lives in: " + product);
    }

    List<String> tables(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(tablesQuery())) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    /** {@code SELECT} of every column of {@code table} in its column order, rows in key order. */
    String selectInKeyOrder(Table table) {
        String order = table.key().stream()
                .map(key -> table.column(key).kind() == Column.Kind.TEXT ? orderedText(key) : key)
                .collect(Collectors.joining(", "));
        return "SELECT " + table.columnList() + " FROM " + table.name() + " ORDER BY " + order;
    }
}
