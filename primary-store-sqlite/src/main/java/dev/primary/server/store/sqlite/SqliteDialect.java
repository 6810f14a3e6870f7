package dev.primary.server.store.sqlite;

import dev.primary.server.store.jdbc.JdbcReads;
import dev.primary.server.store.jdbc.ReleaseRows;
import dev.primary.server.store.jdbc.SqlDialect;
import dev.primary.server.store.jdbc.StateCodes;

/**
 * SQLite's SQL where it differs from PostgreSQL's: counts kept by triggers in {@code computer_counts}, sums of
 * conditions, {@code INSERT OR REPLACE}, and the Manage Computers page over the trigram search index.
 */
final class SqliteDialect {
    static final String SILENT_IN_STATE = JdbcReads.SELECT_COMPUTERS + " WHERE state = ? AND (last_contact IS NULL"
            + " OR last_contact < ?) AND (? = '' OR enrolled_with = ?) ORDER BY last_contact, id LIMIT ?";
    /**
     * Active (a lease valid now), reserved and waiting: kept counts, less the leases that are missing or expired. The
     * missing and the expired are counted apart, each an index range of {@code computers_by_state}: together as one
     * {@code OR} they made SQLite walk every licensed computer's index entry (80–100 ms at 900,000).
     */
    static final String HOLDER_COUNTS = "SELECT (SELECT computers FROM computer_counts WHERE state = "
            + StateCodes.LICENSED + ") - (SELECT COUNT(*) FROM computers WHERE state = " + StateCodes.LICENSED
            + " AND lease_expires_at IS NULL) - (SELECT COUNT(*) FROM computers WHERE state = " + StateCodes.LICENSED
            + " AND lease_expires_at <= ?), (SELECT computers FROM computer_counts"
            + " WHERE state = " + StateCodes.RESERVED + "), (SELECT computers FROM computer_counts WHERE state = "
            + StateCodes.WAITING + ")";
    static final String ROLLOUT_COUNTS = "SELECT COUNT(*), COALESCE(SUM(state = 'installed'), 0),"
            + " COALESCE(SUM(state = 'failed'), 0) FROM computer_updates WHERE rollout_id = ?";
    static final String SAVE_UPDATE_RECORD = "INSERT OR REPLACE INTO computer_updates (computer_id, "
            + ReleaseRows.UPDATE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";

    static final SqlDialect INSTANCE = new SqlDialect(SILENT_IN_STATE, HOLDER_COUNTS, ROLLOUT_COUNTS,
            SAVE_UPDATE_RECORD, ComputerQuerySql::new);

    private SqliteDialect() {}
}
