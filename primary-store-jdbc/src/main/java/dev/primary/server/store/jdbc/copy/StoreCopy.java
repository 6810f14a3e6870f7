package dev.primary.server.store.jdbc.copy;

import dev.primary.server.store.jdbc.copy.StoreCopyException.Reason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Copies a Primary store's rows into another, table by table over plain JDBC, and verifies the result: the move
 * from SQLite to PostgreSQL and the portable backup. Either side may be SQLite or PostgreSQL. The caller opens both
 * connections (auto-commit off) on stores at this version's schema; the copier checks their tables
 * ({@link SchemaCheck}), refuses a target that holds rows, inserts every row in one transaction on the target and
 * commits it only when all are in, so a failed copy leaves the target as empty as it was. The source should be
 * read in one transaction (one snapshot) — the caller's choice of isolation.
 */
public final class StoreCopy {
    private static final int BATCH = 500;

    private StoreCopy() {}

    /**
     * Copies every row of {@code source} into the empty {@code target} and commits the target.
     *
     * @return what was copied, as the source's summary
     * @throws StoreCopyException if a schema differs, the target is not empty, or the copy failed (rolled back)
     */
    public static StoreSummary copy(Connection source, Connection target) {
        try {
            Database from = Database.of(source);
            Database to = Database.of(target);
            SchemaCheck.requireKnownSchema(source, from, "the source");
            SchemaCheck.requireKnownSchema(target, to, "the target");
            List<String> filled = SchemaCheck.tablesWithRows(target);
            if (!filled.isEmpty()) {
                target.rollback();
                throw new StoreCopyException(Reason.TARGET_NOT_EMPTY, "the target is not empty (" + String.join(", ",
                        filled) + "); a store is moved only into an empty database, nothing was copied");
            }
            List<StoreSummary.TableSummary> copied = new ArrayList<>();
            for (Table table : StoreTables.ALL) {
                copied.add(copyTable(source, from, target, table));
                if (StoreTables.GENERATED_IDS.contains(table.name())) {
                    to.moveGeneratedIdsPast(target, table.name());
                }
            }
            target.commit();
            return new StoreSummary(copied);
        } catch (SQLException e) {
            rollBack(target, e);
            throw new StoreCopyException(Reason.COPY_FAILED, "the copy failed, the target was rolled back: "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollBack(target, e);
            throw e;
        }
    }

    /**
     * Reads both stores and compares them row by row: the same tables, the same number of rows in each, every row
     * equal in every column.
     *
     * @return the (equal) summary of both
     * @throws StoreCopyException ({@link Reason#VERIFICATION_FAILED}) naming the first row that differs
     */
    public static StoreSummary verify(Connection source, Connection target) {
        try {
            Database from = Database.of(source);
            Database to = Database.of(target);
            SchemaCheck.requireKnownSchema(source, from, "the source");
            SchemaCheck.requireKnownSchema(target, to, "the target");
            List<StoreSummary.TableSummary> tables = new ArrayList<>();
            for (Table table : StoreTables.ALL) {
                tables.add(compareTable(source, from, target, to, table));
            }
            return new StoreSummary(tables);
        } catch (SQLException e) {
            throw new StoreCopyException(Reason.COPY_FAILED, "cannot read the stores to verify them: " + e.getMessage(), e);
        }
    }

    /** Counts and digests every table of one store. */
    public static StoreSummary summarize(Connection store) {
        try {
            Database database = Database.of(store);
            SchemaCheck.requireKnownSchema(store, database, "the store");
            List<StoreSummary.TableSummary> tables = new ArrayList<>();
            for (Table table : StoreTables.ALL) {
                try (TableRows rows = new TableRows(store, database, table)) {
                    while (rows.next()) {
                        // counted and digested
                    }
                    tables.add(new StoreSummary.TableSummary(table.name(), rows.count(), rows.digestHex()));
                }
            }
            return new StoreSummary(tables);
        } catch (SQLException e) {
            throw new StoreCopyException(Reason.SOURCE_UNREADABLE, "cannot read the store: " + e.getMessage(), e);
        }
    }

    private static StoreSummary.TableSummary copyTable(Connection source, Database from, Connection target, Table table)
            throws SQLException {
        String placeholders = String.join(", ", Collections.nCopies(table.columns().size(), "?"));
        try (TableRows rows = new TableRows(source, from, table);
                PreparedStatement insert = target.prepareStatement("INSERT INTO " + table.name() + " ("
                        + table.columnList() + ") VALUES (" + placeholders + ")")) {
            int pending = 0;
            while (rows.next()) {
                bind(insert, table, rows.values());
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
            return new StoreSummary.TableSummary(table.name(), rows.count(), rows.digestHex());
        }
    }

    private static void bind(PreparedStatement insert, Table table, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            boolean integer = table.columns().get(i).kind() == Column.Kind.INTEGER;
            if (values[i] == null) {
                insert.setNull(i + 1, integer ? Types.BIGINT : Types.VARCHAR);
            } else if (integer) {
                insert.setLong(i + 1, (Long) values[i]);
            } else {
                insert.setString(i + 1, (String) values[i]);
            }
        }
    }

    private static StoreSummary.TableSummary compareTable(Connection source, Database from, Connection target,
            Database to, Table table) throws SQLException {
        try (TableRows expected = new TableRows(source, from, table);
                TableRows actual = new TableRows(target, to, table)) {
            while (true) {
                boolean moreExpected = expected.next();
                boolean moreActual = actual.next();
                if (!moreExpected && !moreActual) {
                    break;
                }
                if (!moreActual) {
                    throw differs(table, "row " + expected.key() + " of the source is missing in the target");
                }
                if (!moreExpected) {
                    throw differs(table, "row " + actual.key() + " of the target is not in the source");
                }
                if (!TableRows.sameRow(expected.values(), actual.values())) {
                    throw differs(table, describe(table, expected, actual));
                }
            }
            return new StoreSummary.TableSummary(table.name(), expected.count(), expected.digestHex());
        }
    }

    /** Which column of the current rows differs first; a differing key column means the rows are not the same row. */
    private static String describe(Table table, TableRows expected, TableRows actual) {
        Object[] source = expected.values();
        Object[] target = actual.values();
        for (int i = 0; i < source.length; i++) {
            if (!Objects.equals(source[i], target[i])) {
                String column = table.columns().get(i).name();
                return table.key().contains(column) ? "where the source has row " + expected.key()
                        + " the target has row " + actual.key() : "row " + expected.key() + " differs in column " + column;
            }
        }
        return "row " + expected.key() + " differs";
    }

    private static StoreCopyException differs(Table table, String what) {
        return new StoreCopyException(Reason.VERIFICATION_FAILED, "verification failed: table " + table.name() + ": "
                + what);
    }

    private static void rollBack(Connection target, Exception failure) {
        try {
            target.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
