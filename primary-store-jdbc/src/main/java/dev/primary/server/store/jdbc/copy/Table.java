package dev.primary.server.store.jdbc.copy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A store table as the copier sees it.
 *
 * @param name the table
 * @param key the columns that order its rows, the primary key
 * @param columns every column, in the order rows are copied and digested
 */
public record Table(String name, List<String> key, List<Column> columns) {
    public Table {
        key = List.copyOf(key);
        columns = List.copyOf(columns);
    }

    String columnList() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    Column column(String columnName) {
        return columns.stream().filter(column -> column.name().equals(columnName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no column " + columnName));
    }
}
