package dev.primary.server.store.jdbc;

import dev.primary.protocol.admin.HourlyStats;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The columns of {@code hourly_stats} and their mapping; the SQL is the same on SQLite and PostgreSQL. */
public final class HourlyStatsRows {
    private HourlyStatsRows() {}

    public static final String COLUMNS = "hour, check_ins, registrations, reports, sampled_at, licenses, seats,"
            + " seats_used, active, reserved, waiting";

    static final String SELECT_RANGE = "SELECT " + COLUMNS + " FROM hourly_stats WHERE hour >= ? AND hour < ?"
            + " ORDER BY hour";
    static final String SAMPLED = "SELECT COUNT(*) FROM hourly_stats WHERE hour = ? AND sampled_at IS NOT NULL";
    /** Adds to the hour's counts: two servers writing the same hour add up, in either order. */
    static final String ADD_COUNTS = "INSERT INTO hourly_stats (hour, check_ins, registrations, reports)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (hour) DO UPDATE SET"
            + " check_ins = hourly_stats.check_ins + excluded.check_ins,"
            + " registrations = hourly_stats.registrations + excluded.registrations,"
            + " reports = hourly_stats.reports + excluded.reports";
    static final String SAVE_SAMPLE = "INSERT INTO hourly_stats (hour, sampled_at, licenses, seats, seats_used, active,"
            + " reserved, waiting) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hour) DO UPDATE SET"
            + " sampled_at = excluded.sampled_at, licenses = excluded.licenses, seats = excluded.seats,"
            + " seats_used = excluded.seats_used, active = excluded.active, reserved = excluded.reserved,"
            + " waiting = excluded.waiting";
    static final String DELETE_BEFORE = "DELETE FROM hourly_stats WHERE hour < ?";
    /** Over {@code computers_by_recorder_version (recorder_version, state)}: the index alone answers it. */
    public static final String RECORDER_VERSIONS = "SELECT recorder_version, COUNT(*) FROM computers WHERE state != "
            + StateCodes.CONFLICT + " GROUP BY recorder_version";
    /** Over {@code computer_updates_by_rollout (rollout_id, state)}. */
    public static final String ROLLOUT_STATES = "SELECT state, COUNT(*) FROM computer_updates WHERE rollout_id = ?"
            + " GROUP BY state";

    static HourlyStats hour(ResultSet row) throws SQLException {
        java.time.Instant sampledAt = StoredValues.instant(row, 5);
        HourlyStats.SeatSample sample = sampledAt == null ? null : new HourlyStats.SeatSample(sampledAt, row.getInt(6), row.getInt(7), row.getInt(8), row.getInt(9), row.getInt(10), row.getInt(11));
        return new HourlyStats(StoredValues.instant(row, 1), row.getLong(2), row.getLong(3), row.getLong(4), sample);
    }
}
