package dev.primary.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Limits(3, 5, Duration.ofMinutes(15),
            4), clock);

    @Test
    void an_account_is_blocked_after_its_limit_of_failures_until_the_window_ends() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.blockedFor("ada", "10.0.0." + i)).isEmpty();
            throttle.failed("ada", "10.0.0." + i);
        }
        clock.advance(Duration.ofMinutes(5));

        assertThat(throttle.blockedFor("ada", "10.0.0.9")).contains(Duration.ofMinutes(10));
        assertThat(throttle.blockedFor("bob", "10.0.0.9")).isEmpty();
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.blockedFor("ada", "10.0.0.9")).isEmpty();
    }

    @Test
    void a_source_is_blocked_after_its_limit_whatever_names_it_tries() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("name-" + i, "10.0.0.7");
        }

        assertThat(throttle.blockedFor("someone-else", "10.0.0.7")).isPresent();
        assertThat(throttle.blockedFor("someone-else", "10.0.0.8")).isEmpty();
    }

    @Test
    void a_success_clears_the_accounts_count() {
        throttle.failed("ada", "10.0.0.1");
        throttle.failed("ada", "10.0.0.1");
        throttle.succeeded("ada");
        throttle.failed("ada", "10.0.0.1");
        throttle.failed("ada", "10.0.0.1");

        assertThat(throttle.blockedFor("ada", "10.0.0.2")).isEmpty();
    }

    @Test
    void at_most_max_tracked_names_are_kept_the_oldest_forgotten_first() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("first", "s" + i);
        }
        assertThat(throttle.blockedFor("first", "x")).isPresent();
        for (int i = 0; i < 4; i++) {
            throttle.failed("other-" + i, "t" + i);
        }

        assertThat(throttle.blockedFor("first", "x")).isEmpty();
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-06T09:00:00Z");

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
