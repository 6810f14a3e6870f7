package dev.primary.server.store.jdbc.copy;

import java.util.List;

/**
 * What a store holds, table by table: its row count and the SHA-256 digest of its rows in canonical order
 * ({@link TableRows}). Equal summaries of two stores mean equal rows.
 */
public record StoreSummary(List<TableSummary> tables) {
    public record TableSummary(String table, long rows, String sha256) {}

    public StoreSummary {
        tables = List.copyOf(tables);
    }

    public long rows(String table) {
        return tables.stream().filter(summary -> summary.table().equals(table)).mapToLong(TableSummary::rows)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no table " + table));
    }

    /** One line per table: name, rows, the digest's first 16 hex digits. */
    public List<String> lines() {
        return tables.stream().map(summary -> String.format("%-18s %9d rows  sha256 %s", summary.table(),
                summary.rows(), summary.sha256().substring(0, 16))).toList();
    }
}
