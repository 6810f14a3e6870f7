package dev.primary.server.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.RecorderVersions;
import dev.primary.protocol.release.UpdateState;
import dev.primary.server.stats.HourlyStatsJob;
import dev.primary.server.stats.HourlyTally;
import dev.primary.server.stats.Statistics;
import dev.primary.server.testing.FakeClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures of docs/performance.md, "Charts at a million computers", on SQLite: the Recorder versions and a
 * rollout's progress over 1,000,000 computers, and one run of the hourly job. A measurement, not a test of the
 * build: it runs only with {@code -Dprimary.measure.stats=true} and prints its figures; it asserts only that the
 * answers count every row, not any time.
 */
@EnabledIfSystemProperty(named = "primary.measure.stats", matches = "true")
class StatsAtAMillionMeasurement {
    private static final int COMPUTERS = 1_000_000;
    private static final int ROLLOUT_COMPUTERS = 500_000;
    private static final int REPEATS = 7;

    @TempDir
    Path directory;

    @Test
    void recorder_versions_rollout_progress_and_the_hourly_job_at_a_million_computers() throws Exception {
        Path database = directory.resolve("primary.db");
        SqliteStore.open(database).close();
        long seedStarted = System.nanoTime();
        seed(database);
        System.out.printf("seeded %,d computers and %,d update records in %.1f s%n", COMPUTERS, ROLLOUT_COMPUTERS,
                (System.nanoTime() - seedStarted) / 1e9);

        printPlan(database, dev.primary.server.store.jdbc.HourlyStatsRows.RECORDER_VERSIONS);
        printPlan(database, dev.primary.server.store.jdbc.HourlyStatsRows.ROLLOUT_STATES.replace("?", "1"));
        FakeClock clock = new FakeClock(Instant.parse("2026-12-01T10:00:30Z"));
        try (SqliteStore store = SqliteStore.open(database)) {
            Statistics statistics = new Statistics(store, clock);
            RecorderVersions versions = time("recorder versions", statistics::recorderVersions);
            assertThat(versions.computers()).isEqualTo(COMPUTERS);
            Map<UpdateState, Long> states = time("rollout states",
                    () -> store.read(reads -> reads.rolloutStateCounts(1)));
            assertThat(states.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(ROLLOUT_COMPUTERS);

            HourlyTally tally = new HourlyTally(clock);
            HourlyStatsJob job = new HourlyStatsJob(store, tally, clock);
            time("hourly job, sampling hour", () -> {
                clock.advance(Duration.ofHours(1));
                for (int i = 0; i < 1000; i++) {
                    tally.checkIn();
                }
                HourlyStatsJob.Outcome outcome = job.run();
                assertThat(outcome.sampled()).isTrue();
                return outcome;
            });
            time("hourly job, minute flush", () -> {
                clock.advance(Duration.ofMinutes(1));
                tally.checkIn();
                return job.run();
            });
        }
    }

    /** Computers by plain SQL (the search trigger left out: the trigram index is not what is measured here). */
    private static void seed(Path database) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("DROP TRIGGER computer_search_on_insert");
            sql.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + COMPUTERS + ")"
                    + " INSERT INTO computers (id, holder_key, name_key, computer_name, domain, user_name, client_id,"
                    + " os, client_version, recorder_version, client_state, state, state_reason, state_since,"
                    + " license_serial, waiting_since, verify_interval, first_seen, last_contact)"
                    + " SELECT i, 'bench\\pc-' || i, 'pc-' || i, 'PC-' || i, 'BENCH', '', 'client-' || i, 'os',"
                    + " '1.0.1', CASE WHEN i % 10 = 0 THEN '0.0.0' ELSE '1.' || (i % 7) || '.' || (i % 23) END,"
                    + " '', CASE WHEN i % 10 = 0 THEN 2 ELSE 0 END, '', 0,"
                    + " CASE WHEN i % 10 = 0 THEN NULL ELSE 'BENCH-1' END, CASE WHEN i % 10 = 0 THEN i END,"
                    + " 14400, 0, 0 FROM n");
            sql.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < "
                    + ROLLOUT_COMPUTERS + ")"
                    + " INSERT INTO computer_updates (computer_id, product, rollout_id, version, state, reason,"
                    + " updated_at) SELECT i * 2, 'recorder', 1, '1.3.7', CASE i % 4 WHEN 0 THEN 'pending'"
                    + " WHEN 1 THEN 'downloading' WHEN 2 THEN 'installed' ELSE 'failed' END, '', 0 FROM n");
            connection.commit();
        }
    }

    private static void printPlan(Path database, String query) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement sql = connection.createStatement();
                java.sql.ResultSet plan = sql.executeQuery("EXPLAIN QUERY PLAN " + query)) {
            while (plan.next()) {
                System.out.println("plan of " + query + ": " + plan.getString(4));
            }
        }
    }

    private static <T> T time(String what, Supplier<T> work) {
        long coldStarted = System.nanoTime();
        T answer = work.get();
        double cold = (System.nanoTime() - coldStarted) / 1e6;
        double[] repeats = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long started = System.nanoTime();
            work.get();
            repeats[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(repeats);
        System.out.printf("%s: first %.1f ms, median of %d %.1f ms (min %.1f, max %.1f)%n", what, cold, REPEATS,
                repeats[REPEATS / 2], repeats[0], repeats[REPEATS - 1]);
        return answer;
    }
}
