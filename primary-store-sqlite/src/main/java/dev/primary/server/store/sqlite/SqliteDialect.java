package dev.primary.server.store.sqlite;

import dev.primary.protocol.admin.ComputerQuery;
import dev.primary.server.computer.Computer;
import dev.primary.server.licensing.ComputerRows;
import dev.primary.server.store.jdbc.JdbcReads;
import dev.primary.server.store.jdbc.ReleaseRows;
import dev.primary.server.store.jdbc.Rows;
import dev.primary.server.store.jdbc.SqlDialect;
import dev.primary.server.store.jdbc.SqlStatements;
import dev.primary.server.store.jdbc.StateCodes;
import java.time.Instant;
import java.util.List;

/**
 * SQLite's SQL where it differs from PostgreSQL's: counts kept by triggers in {@code computer_counts}, sums of
 * conditions, {@code INSERT OR REPLACE}, and the Manage Computers page over the trigram search index.
 */
final class SqliteDialect implements SqlDialect {
    static final SqliteDialect INSTANCE = new SqliteDialect();

    static final String SILENT_IN_STATE = JdbcReads.SELECT_COMPUTERS + " WHERE state = ? AND (last_contact IS NULL"
            + " OR last_contact < ?) AND (? = '' OR enrolled_with = ?) ORDER BY last_contact, id LIMIT ?";
    /** Active (a lease valid now), reserved and waiting: kept counts, less the leases that are missing or expired. */
    static final String HOLDER_COUNTS = "SELECT (SELECT computers FROM computer_counts WHERE state = "
            + StateCodes.LICENSED + ") - (SELECT COUNT(*) FROM computers WHERE state = " + StateCodes.LICENSED
            + " AND (lease_expires_at IS NULL OR lease_expires_at <= ?)), (SELECT computers FROM computer_counts"
            + " WHERE state = " + StateCodes.RESERVED + "), (SELECT computers FROM computer_counts WHERE state = "
            + StateCodes.WAITING + ")";
    static final String ROLLOUT_COUNTS = "SELECT COUNT(*), COALESCE(SUM(state = 'installed'), 0),"
            + " COALESCE(SUM(state = 'failed'), 0) FROM computer_updates WHERE rollout_id = ?";
    static final String SAVE_UPDATE_RECORD = "INSERT OR REPLACE INTO computer_updates (computer_id, "
            + ReleaseRows.UPDATE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";

    private SqliteDialect() {}

    @Override
    public String silentInState() {
        return SILENT_IN_STATE;
    }

    @Override
    public String holderCounts() {
        return HOLDER_COUNTS;
    }

    @Override
    public String rolloutCounts() {
        return ROLLOUT_COUNTS;
    }

    @Override
    public String saveUpdateRecord() {
        return SAVE_UPDATE_RECORD;
    }

    @Override
    public ComputerRows computers(SqlStatements statements, ComputerQuery query, Instant now) {
        ComputerQuerySql sql = new ComputerQuerySql(query, now);
        long total = statements.number(sql.countSql(), sql.countParameters());
        List<Computer> rows = total <= query.offset() ? List.of()
                : statements.list(sql.pageSql(total <= ComputerQuerySql.FEW_MATCHES), Rows::computer,
                        sql.pageParameters(query.limit(), query.offset()));
        return new ComputerRows(total, rows);
    }
}
