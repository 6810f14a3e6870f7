package dev.primary.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SourceRateLimitTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private SourceRateLimit limit(double perSecond, int burst, int maxSources) {
        return new SourceRateLimit(perSecond, burst, maxSources, nanos::get);
    }

    private void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }

    @Test
    void a_source_gets_its_burst_then_one_request_per_refill_with_the_wait_in_retry_after() {
        SourceRateLimit limit = limit(2, 3, 100);
        for (int i = 0; i < 3; i++) {
            limit.admit("192.0.2.1", "registrations");
        }

        assertThatThrownBy(() -> limit.admit("192.0.2.1", "registrations"))
                .isInstanceOf(TooManyRequestsException.class)
                .hasMessage("registrations from this address are over the server's limit; retry in 1 s")
                .satisfies(e -> assertThat(((TooManyRequestsException) e).headers()).containsEntry("Retry-After", "1"));
        advanceMillis(500);
        assertThatCode(() -> limit.admit("192.0.2.1", "registrations")).doesNotThrowAnyException();
        assertThatThrownBy(() -> limit.admit("192.0.2.1", "registrations")).isInstanceOf(TooManyRequestsException.class);
        assertThat(limit.refusedBySource(10)).containsEntry("192.0.2.1", 2L);
    }

    @Test
    void a_very_high_rate_after_a_long_idle_time_does_not_overflow_into_a_refusal() {
        SourceRateLimit limit = limit(100_000_000, 1_000_000, 100);
        limit.admit("192.0.2.1", "registrations");
        advanceMillis(92_000);

        assertThatCode(() -> limit.admit("192.0.2.1", "registrations")).doesNotThrowAnyException();
    }

    @Test
    void sources_have_buckets_of_their_own() {
        SourceRateLimit limit = limit(1, 1, 100);
        limit.admit("192.0.2.1", "registrations");

        assertThatCode(() -> limit.admit("192.0.2.2", "registrations")).doesNotThrowAnyException();
        assertThatThrownBy(() -> limit.admit("192.0.2.1", "registrations")).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void ipv6_addresses_of_one_64_prefix_share_a_bucket() {
        SourceRateLimit limit = limit(1, 1, 100);
        limit.admit("2001:db8:1:2:aaaa::1", "registrations");

        assertThatThrownBy(() -> limit.admit("2001:db8:1:2:bbbb::2", "registrations"))
                .isInstanceOf(TooManyRequestsException.class);
        assertThatCode(() -> limit.admit("2001:db8:1:3::1", "registrations")).doesNotThrowAnyException();
        assertThat(SourceRateLimit.sourceOf("2001:db8:1:2:aaaa::1")).isEqualTo("2001:db8:1:2::/64");
    }

    @Test
    void the_table_stays_bounded_idle_sources_are_dropped_and_new_ones_share_an_overflow_bucket() {
        SourceRateLimit limit = limit(1, 2, 3);
        for (int i = 1; i <= 3; i++) {
            limit.admit("192.0.2." + i, "registrations");
        }
        limit.admit("198.51.100.1", "registrations");
        limit.admit("198.51.100.2", "registrations");

        assertThat(limit.trackedSources()).isLessThanOrEqualTo(4);
        assertThatThrownBy(() -> limit.admit("198.51.100.3", "registrations"))
                .as("newcomers share the overflow bucket while the table is full of active sources")
                .isInstanceOf(TooManyRequestsException.class);

        advanceMillis(10_000);
        assertThatCode(() -> limit.admit("203.0.113.7", "registrations")).as("idle buckets make room")
                .doesNotThrowAnyException();
        assertThat(limit.trackedSources()).isLessThanOrEqualTo(3);
    }
}
