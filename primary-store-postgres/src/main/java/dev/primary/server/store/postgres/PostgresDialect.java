package dev.primary.server.store.postgres;

import dev.primary.server.store.jdbc.JdbcReads;
import dev.primary.server.store.jdbc.ReleaseRows;
import dev.primary.server.store.jdbc.SqlDialect;
import dev.primary.server.store.jdbc.StateCodes;

/**
 * PostgreSQL's SQL where it differs from SQLite's: totals are counted (no trigger-kept counts), NULLs sort first
 * ascending as they do on SQLite, sums of conditions are {@code COUNT(*) FILTER} and a replace is
 * {@code ON CONFLICT DO UPDATE}.
 */
final class PostgresDialect {
    static final String SILENT_IN_STATE = JdbcReads.SELECT_COMPUTERS + " WHERE state = ? AND (last_contact IS NULL"
            + " OR last_contact < ?) AND (? = '' OR enrolled_with = ?) ORDER BY last_contact NULLS FIRST, id LIMIT ?";
    /** Active (a lease valid now), reserved and waiting, counted over the state index in one pass. */
    static final String HOLDER_COUNTS = "SELECT COUNT(*) FILTER (WHERE state = " + StateCodes.LICENSED
            + " AND lease_expires_at > ?), COUNT(*) FILTER (WHERE state = " + StateCodes.RESERVED
            + "), COUNT(*) FILTER (WHERE state = " + StateCodes.WAITING + ") FROM computers WHERE state IN ("
            + StateCodes.LICENSED + ", " + StateCodes.RESERVED + ", " + StateCodes.WAITING + ")";
    static final String ROLLOUT_COUNTS = "SELECT COUNT(*), COUNT(*) FILTER (WHERE state = 'installed'),"
            + " COUNT(*) FILTER (WHERE state = 'failed') FROM computer_updates WHERE rollout_id = ?";
    static final String SAVE_UPDATE_RECORD = "INSERT INTO computer_updates (computer_id, " + ReleaseRows.UPDATE_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (computer_id, product, rollout_id) DO UPDATE SET"
            + " version = excluded.version, state = excluded.state, reason = excluded.reason,"
            + " updated_at = excluded.updated_at";

    static final SqlDialect INSTANCE = new SqlDialect(SILENT_IN_STATE, HOLDER_COUNTS, ROLLOUT_COUNTS,
            SAVE_UPDATE_RECORD, ComputerQuerySql::new);

    private PostgresDialect() {}
}
