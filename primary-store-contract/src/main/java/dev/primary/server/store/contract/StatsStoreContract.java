package dev.primary.server.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.HourlyStats;
import dev.primary.protocol.admin.RecorderVersionCount;
import dev.primary.protocol.admin.RolloutProgress;
import dev.primary.protocol.admin.RolloutRequest;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.UpdateState;
import dev.primary.server.computer.ClientContact;
import dev.primary.server.computer.Computer;
import dev.primary.server.computer.UpdateRecord;
import dev.primary.server.release.Rollout;
import dev.primary.server.stats.HourCounts;
import dev.primary.server.stats.HourlyStatsJob;
import dev.primary.server.stats.HourlyTally;
import dev.primary.server.stats.Statistics;
import dev.primary.server.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The statistics part of the store contract: hourly counts that several writers add up, the hour's seat sample, the
 * 90 days kept, and the counts of Recorder versions and of a rollout's update states, on every store.
 */
public abstract class StatsStoreContract {
    private static final Instant HOUR = Instant.parse("2026-12-01T10:00:00Z");

    private final FakeClock clock = new FakeClock(HOUR.plusSeconds(125));
    private final List<StoreUnderTest> opened = new ArrayList<>();

    /** Opens the store under test on this test's database (fresh and empty at the first call; the same one after). */
    protected abstract StoreUnderTest openStore();

    /**
     * A second writer on the same database, as a second server would open it; a store that has one writer per
     * database (the embedded one) gives the store itself.
     */
    protected StoreUnderTest secondWriter(StoreUnderTest first) {
        return first;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(StoreUnderTest::close);
        opened.clear();
    }

    private StoreUnderTest store() {
        if (opened.isEmpty()) {
            opened.add(openStore());
        }
        return opened.get(0);
    }

    private StoreUnderTest second() {
        StoreUnderTest second = secondWriter(store());
        if (second != store()) {
            opened.add(second);
        }
        return second;
    }

    @Test
    void counts_of_one_hour_written_by_two_writers_at_once_add_up() {
        StoreUnderTest first = store();
        StoreUnderTest second = second();
        List<Callable<Void>> adds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            StoreUnderTest writer = i % 2 == 0 ? first : second;
            adds.add(() -> writer.write(writes -> {
                writes.addHourlyCounts(new HourCounts(HOUR, 3, 1, 2));
                return null;
            }));
        }

        List<Concurrently.Outcome<Void>> outcomes = Concurrently.run(8, adds);

        assertThat(outcomes).allMatch(Concurrently.Outcome::succeeded);
        assertThat(hours(first, HOUR, HOUR.plusSeconds(3600)))
                .containsExactly(new HourlyStats(HOUR, 60, 20, 40, null));
    }

    @Test
    void an_hour_keeps_its_sample_beside_its_counts_and_an_hour_without_one_has_none() {
        HourlyStats.SeatSample sample = new HourlyStats.SeatSample(HOUR.plusSeconds(60), 2, 50, 40, 35, 5, 7);
        store().write(writes -> {
            writes.addHourlyCounts(new HourCounts(HOUR, 10, 2, 1));
            writes.saveHourlySample(HOUR, sample);
            writes.addHourlyCounts(new HourCounts(HOUR, 5, 0, 0));
            writes.addHourlyCounts(new HourCounts(HOUR.plusSeconds(3600), 1, 0, 0));
            return null;
        });

        assertThat(hours(store(), HOUR.minusSeconds(3600), HOUR.plusSeconds(7200)))
                .containsExactly(new HourlyStats(HOUR, 15, 2, 1, sample),
                        new HourlyStats(HOUR.plusSeconds(3600), 1, 0, 0, null));
        assertThat(sampled(store(), HOUR)).isTrue();
        assertThat(sampled(store(), HOUR.plusSeconds(3600))).isFalse();
        assertThat(hours(store(), HOUR.plusSeconds(1), HOUR.plusSeconds(3600)))
                .as("the range takes hours that start in it").isEmpty();
    }

    @Test
    void the_hourly_job_samples_the_hour_once_for_all_writers_and_adds_each_writers_counts() {
        StoreUnderTest first = store();
        StoreUnderTest second = second();
        first.write(writes -> writes.insertComputer(waiting("w1", HOUR)));
        HourlyTally firstTally = new HourlyTally(clock);
        HourlyTally secondTally = new HourlyTally(clock);
        firstTally.checkIn();
        firstTally.checkIn();
        secondTally.checkIn();
        secondTally.registration();

        HourlyStatsJob.Outcome firstRun = new HourlyStatsJob(first, firstTally, clock).run();
        HourlyStatsJob.Outcome secondRun = new HourlyStatsJob(second, secondTally, clock).run();

        assertThat(firstRun.sampled()).isTrue();
        assertThat(secondRun.sampled()).as("the hour was sampled by the first writer").isFalse();
        assertThat(hours(first, HOUR, HOUR.plusSeconds(3600))).containsExactly(
                new HourlyStats(HOUR, 3, 1, 0, new HourlyStats.SeatSample(clock.instant(), 0, 0, 0, 0, 0, 1)));
    }

    @Test
    void the_hourly_job_keeps_90_days_and_deletes_older_hours() {
        Instant oldestKept = HOUR.minus(Duration.ofHours(HourlyStatsJob.KEPT_HOURS - 1));
        store().write(writes -> {
            writes.addHourlyCounts(new HourCounts(oldestKept.minusSeconds(3600), 1, 0, 0));
            writes.addHourlyCounts(new HourCounts(oldestKept.minus(Duration.ofDays(30)), 1, 0, 0));
            writes.addHourlyCounts(new HourCounts(oldestKept, 2, 0, 0));
            writes.addHourlyCounts(new HourCounts(HOUR.minusSeconds(3600), 3, 0, 0));
            return null;
        });

        HourlyStatsJob.Outcome outcome = new HourlyStatsJob(store(), new HourlyTally(clock), clock).run();

        assertThat(outcome.deleted()).isEqualTo(2);
        assertThat(hours(store(), Instant.EPOCH, HOUR.plusSeconds(3600)))
                .extracting(HourlyStats::hour).containsExactly(oldestKept, HOUR.minusSeconds(3600), HOUR);
        assertThat(Duration.between(oldestKept, HOUR).toHours() + 1).as("rows kept at most").isEqualTo(2160);
    }

    @Test
    void counts_a_failed_write_could_not_take_are_written_by_the_next_flush_with_the_new_ones() {
        HourlyTally tally = new HourlyTally(clock);
        tally.checkIn();
        tally.registration();
        StoreUnderTest closed = store();
        closeStores();

        assertThatThrownBy(() -> new HourlyStatsJob(closed, tally, clock).flush())
                .isInstanceOf(RuntimeException.class);
        tally.checkIn();
        List<HourCounts> written = new HourlyStatsJob(store(), tally, clock).flush();

        assertThat(written).containsExactly(new HourCounts(HOUR, 2, 1, 0));
        assertThat(hours(store(), HOUR, HOUR.plusSeconds(3600))).containsExactly(new HourlyStats(HOUR, 2, 1, 0, null));
    }

    @Test
    void hourly_statistics_survive_a_reopen() {
        store().write(writes -> {
            writes.addHourlyCounts(new HourCounts(HOUR, 4, 1, 0));
            return null;
        });
        closeStores();

        assertThat(hours(store(), HOUR, HOUR.plusSeconds(3600)))
                .containsExactly(new HourlyStats(HOUR, 4, 1, 0, null));
    }

    @Test
    void recorder_versions_count_every_computer_but_conflicts_with_never_licensed_ones_as_version_none() {
        store().write(writes -> {
            writes.insertComputer(reporting("a", "1.2.345"));
            writes.insertComputer(reporting("b", "1.2.345"));
            writes.insertComputer(reporting("c", "1.3.7"));
            writes.insertComputer(Computer.reservation(new ComputerIdentity("r", "", ""), "SERIAL-1", "for a test", HOUR));
            writes.insertComputer(waiting("w", HOUR));
            writes.insertComputer(Computer.conflict(new ComputerIdentity("a", "", ""),
                    new ClientContact("other-client", "os", Version.NONE, Version.parse("9.9.9"), 3600), "", HOUR));
            return null;
        });

        var versions = new Statistics(store(), clock).recorderVersions();

        assertThat(versions.computers()).isEqualTo(5);
        assertThat(versions.versions()).containsExactly(new RecorderVersionCount("V 1.3 (0007)", 1),
                new RecorderVersionCount("V 1.2 (0345)", 2), new RecorderVersionCount("V 0.0 (0000)", 2));
    }

    @Test
    void a_rollouts_progress_counts_its_computers_by_update_state() {
        Rollout rollout = store().writeReleases(writes -> writes.insertRollout(Rollout.started(
                new RolloutRequest(Product.RECORDER, Version.parse("1.3.7"), "", 50, 0), HOUR)));
        Rollout other = store().writeReleases(writes -> writes.insertRollout(Rollout.started(
                new RolloutRequest(Product.CLIENT_SERVICE, Version.parse("2.0.1"), "", 100, 0), HOUR)));
        store().write(writes -> {
            UpdateState[] states = {UpdateState.PENDING, UpdateState.INSTALLED, UpdateState.INSTALLED,
                UpdateState.FAILED, UpdateState.DOWNLOADING, UpdateState.INSTALLED};
            for (int i = 0; i < states.length; i++) {
                long id = writes.insertComputer(reporting("c" + i, "1.2.345")).id();
                writes.saveUpdateRecord(id, new UpdateRecord(Product.RECORDER, rollout.id(), Version.parse("1.3.7"),
                        states[i], "", HOUR));
                writes.saveUpdateRecord(id, new UpdateRecord(Product.CLIENT_SERVICE, other.id(), Version.parse("2.0.1"),
                        UpdateState.PENDING, "", HOUR));
            }
            return null;
        });

        RolloutProgress progress = new Statistics(store(), clock).rollout(rollout.id());

        assertThat(progress).isEqualTo(new RolloutProgress(rollout.id(), Product.RECORDER, Version.parse("1.3.7"),
                rollout.state(), 50, 6, 1, 1, 3, 1));
    }

    private static List<HourlyStats> hours(StoreUnderTest store, Instant from, Instant to) {
        return store.read(reads -> reads.hourlyStats(from, to));
    }

    private static boolean sampled(StoreUnderTest store, Instant hour) {
        return store.read(reads -> reads.hourSampled(hour));
    }

    private static Computer reporting(String name, String recorder) {
        return new Computer(0, new ComputerIdentity(name, "", ""), "client-" + name, "os", Version.parse("1.0.1"),
                Version.parse(recorder), "", ComputerState.RELEASED, "", HOUR, null, null, null, 3600, HOUR, HOUR,
                null);
    }

    private static Computer waiting(String name, Instant since) {
        return new Computer(0, new ComputerIdentity(name, "", ""), "client-" + name, "os", Version.parse("1.0.1"),
                Version.NONE, "", ComputerState.WAITING, "", since, null, since, null, 3600, since, since, null);
    }
}
