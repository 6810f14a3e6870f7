package dev.primary.server.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HourlyTallyTest {
    private static final Instant HOUR = Instant.parse("2026-12-01T10:00:00Z");

    private final SteppedClock clock = new SteppedClock(HOUR.plusSeconds(59 * 60));
    private final HourlyTally tally = new HourlyTally(clock);

    @Test
    void counts_land_in_the_hour_of_the_clock_and_a_drain_takes_them_oldest_first() {
        tally.checkIn();
        tally.checkIn();
        tally.registration();
        clock.advance(Duration.ofMinutes(2));
        tally.checkIn();
        tally.report();

        assertThat(tally.drain()).containsExactly(new HourCounts(HOUR, 2, 1, 0),
                new HourCounts(HOUR.plusSeconds(3600), 1, 0, 1));
    }

    @Test
    void a_drain_takes_each_count_once_and_nothing_when_nothing_was_counted_since() {
        tally.checkIn();

        assertThat(tally.drain()).containsExactly(new HourCounts(HOUR, 1, 0, 0));
        assertThat(tally.drain()).isEmpty();
        tally.checkIn();
        assertThat(tally.drain()).containsExactly(new HourCounts(HOUR, 1, 0, 0));
    }

    @Test
    void counts_given_back_after_a_failed_write_are_taken_by_the_next_drain_with_the_new_ones() {
        tally.checkIn();
        List<HourCounts> failed = tally.drain();
        tally.checkIn();
        tally.registration();

        tally.restore(failed);

        assertThat(tally.drain()).containsExactly(new HourCounts(HOUR, 2, 1, 0));
    }

    @Test
    void counts_from_many_threads_are_all_kept() throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4000; i++) {
            threads.execute(tally::checkIn);
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(tally.drain()).containsExactly(new HourCounts(HOUR, 4000, 0, 0));
    }

    /** A clock the test moves. */
    private static final class SteppedClock extends Clock {
        private volatile Instant now;

        SteppedClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
