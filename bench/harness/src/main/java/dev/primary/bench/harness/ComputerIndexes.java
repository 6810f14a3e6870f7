package dev.primary.bench.harness;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The secondary indexes of the {@code computers} table, as the migrations made them: dropped for a bulk load (one
 * sort per index afterwards beats a million scattered inserts into each, and packs its pages) and made again from
 * their own SQL, so they come back exactly as defined.
 */
final class ComputerIndexes {
    private final List<String> names;
    private final List<String> definitions;

    private ComputerIndexes(List<String> names, List<String> definitions) {
        this.names = names;
        this.definitions = definitions;
    }

    /** Reads the definitions of the droppable indexes (not the UNIQUE constraint's own) and drops them. */
    static ComputerIndexes drop(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                        + " AND tbl_name = 'computers' AND sql IS NOT NULL ORDER BY name")) {
            while (rows.next()) {
                names.add(rows.getString(1));
                definitions.add(rows.getString(2));
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : names) {
                statement.executeUpdate("DROP INDEX \"" + name + "\"");
            }
        }
        return new ComputerIndexes(List.copyOf(names), List.copyOf(definitions));
    }

    /** Makes every dropped index again. */
    void recreate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String definition : definitions) {
                statement.executeUpdate(definition);
            }
        }
    }

    int count() {
        return names.size();
    }
}
