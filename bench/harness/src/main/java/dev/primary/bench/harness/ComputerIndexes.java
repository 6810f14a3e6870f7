package dev.primary.bench.harness;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The secondary indexes and the triggers of the {@code computers} table, as the migrations made them: dropped for a
 * bulk load (one sort per index afterwards beats a million scattered inserts into each, and packs its pages) and made
 * again from their own SQL, so they come back exactly as defined. What the triggers keep (the counts per state, the
 * trigram search index) is then made again in one pass each.
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
                ResultSet rows = statement.executeQuery("SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
                        + " AND tbl_name = 'computers' AND sql IS NOT NULL ORDER BY type, name")) {
            while (rows.next()) {
                names.add(rows.getString(1).toUpperCase(java.util.Locale.ROOT) + " \"" + rows.getString(2) + "\"");
                definitions.add(rows.getString(3));
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : names) {
                statement.executeUpdate("DROP " + name);
            }
        }
        return new ComputerIndexes(List.copyOf(names), List.copyOf(definitions));
    }

    /** Makes every dropped index and trigger again, then what the triggers keep: counts per state, the search index. */
    void recreate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String definition : definitions) {
                statement.executeUpdate(definition);
            }
            statement.executeUpdate("UPDATE computer_counts SET computers = (SELECT COUNT(*) FROM computers"
                    + " WHERE computers.state = computer_counts.state)");
            statement.executeUpdate("INSERT INTO computer_search (computer_search) VALUES ('rebuild')");
        }
    }

    int count() {
        return names.size();
    }
}
