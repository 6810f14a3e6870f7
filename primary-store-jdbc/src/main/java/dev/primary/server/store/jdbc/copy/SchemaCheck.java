package dev.primary.server.store.jdbc.copy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a store's tables are exactly {@link StoreTables#ALL} (plus the derived ones): the schema version check of
 * a copy. It looks at the tables themselves rather than at the migrations' version numbers, which differ between the
 * stores (SQLite reached the schema in five migrations, PostgreSQL in one), and it catches what matters: a table or
 * a column this version would not copy.
 */
final class SchemaCheck {
    private SchemaCheck() {}

    /** Refuses ({@link StoreCopyException.Reason#SCHEMA_MISMATCH}) a store whose tables differ; {@code side} names it. */
    static void requireKnownSchema(Connection connection, Database database, String side) throws SQLException {
        List<String> tables = database.tables(connection);
        for (String name : tables) {
            if (!StoreTables.isDerived(name) && StoreTables.named(name).isEmpty()) {
                throw mismatch(side + " has a table '" + name + "' that this version does not know (a newer server's"
                        + " schema?); use the primary-admin of the server's version");
            }
        }
        for (Table table : StoreTables.ALL) {
            if (!tables.contains(table.name())) {
                throw mismatch(side + " has no table '" + table.name() + "' (an older server's schema, or not a Primary"
                        + " store?); start the server of this version on it once to migrate it");
            }
            Set<String> expected = new TreeSet<>();
            table.columns().forEach(column -> expected.add(column.name()));
            Set<String> actual = columnsOf(connection, table.name());
            if (!actual.equals(expected)) {
                Set<String> unknown = new TreeSet<>(actual);
                unknown.removeAll(expected);
                Set<String> missing = new TreeSet<>(expected);
                missing.removeAll(actual);
                throw mismatch(side + "'s table '" + table.name() + "' differs from this version's: "
                        + (unknown.isEmpty() ? "" : "unknown columns " + unknown + " ")
                        + (missing.isEmpty() ? "" : "missing columns " + missing));
            }
        }
    }

    private static Set<String> columnsOf(Connection connection, String table) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet none = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = none.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static StoreCopyException mismatch(String message) {
        return new StoreCopyException(StoreCopyException.Reason.SCHEMA_MISMATCH, "schema mismatch: " + message.strip());
    }

    /** The tables of {@link StoreTables#ALL} that hold rows, with their counts, e.g. {@code [computers: 12]}. */
    static List<String> tablesWithRows(Connection connection) throws SQLException {
        List<String> filled = new ArrayList<>();
        for (Table table : StoreTables.ALL) {
            try (Statement statement = connection.createStatement();
                    ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table.name())) {
                count.next();
                long rows = count.getLong(1);
                if (rows > 0) {
                    filled.add(table.name() + ": " + rows);
                }
            }
        }
        return filled;
    }
}
