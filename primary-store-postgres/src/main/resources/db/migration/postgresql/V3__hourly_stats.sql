-- The Control Center's hourly statistics (docs/architecture.md, "Hourly statistics"). One row per UTC hour; the
-- server deletes rows older than 90 days every hour, so the table holds at most 2,160 rows.
-- hour: epoch milliseconds of the hour's start. check_ins, registrations, reports: answered in the hour, added to
-- by every server (counted in memory, written once a minute). sampled_at: when the seats were sampled, NULL while
-- the hour has no sample; licenses .. waiting: that sample (see HourlyStats.SeatSample).
CREATE TABLE hourly_stats (
    hour          BIGINT  NOT NULL PRIMARY KEY,
    check_ins     BIGINT  NOT NULL DEFAULT 0,
    registrations BIGINT  NOT NULL DEFAULT 0,
    reports       BIGINT  NOT NULL DEFAULT 0,
    sampled_at    BIGINT,
    licenses      INTEGER NOT NULL DEFAULT 0,
    seats         INTEGER NOT NULL DEFAULT 0,
    seats_used    INTEGER NOT NULL DEFAULT 0,
    active        INTEGER NOT NULL DEFAULT 0,
    reserved      INTEGER NOT NULL DEFAULT 0,
    waiting       INTEGER NOT NULL DEFAULT 0
);
