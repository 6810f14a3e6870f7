package dev.primary.bench.fleet.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMillis(250));
    final SplittableRandom random = new SplittableRandom(1);

    @Test
    void a_client_retries_after_the_interval_give_or_take_the_jitter() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            assertThat(policy.delayNanos(-1, random)).isBetween(750_000_000L, 1_250_000_000L);
        }
    }

    @Test
    void the_servers_retry_after_wins_over_the_interval() {
        for (int attempt = 0; attempt < 100; attempt++) {
            assertThat(policy.delayNanos(5, random)).isBetween(4_750_000_000L, 5_250_000_000L);
        }
    }

    @Test
    void after_a_refusal_the_longer_of_its_retry_after_and_the_clients_own_pause_counts() {
        RetryPolicy minute = RetryPolicy.CLIENT_SERVICE;
        for (int attempt = 0; attempt < 100; attempt++) {
            assertThat(minute.afterRefusalNanos(1, random)).as("Retry-After: 1 of a busy server")
                    .isBetween(57_000_000_000L, 60_000_000_000L);
            assertThat(minute.afterRefusalNanos(120, random)).isEqualTo(120_000_000_000L);
            assertThat(minute.afterRefusalNanos(-1, random)).isBetween(57_000_000_000L, 60_000_000_000L);
        }
    }

    @Test
    void first_attempts_spread_over_one_interval() {
        for (int client = 0; client < 1_000; client++) {
            assertThat(policy.firstDelayNanos(random)).isBetween(0L, 1_000_000_000L);
        }
    }

    @Test
    void the_client_services_own_retry_is_a_minute_up_to_five_per_cent_sooner_never_later() {
        assertThat(RetryPolicy.CLIENT_SERVICE.interval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(RetryPolicy.CLIENT_SERVICE.jitter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(RetryPolicy.CLIENT_SERVICE.earlierOnly()).isTrue();
        assertThat(RetryPolicy.CLIENT_SERVICE.longestPause()).isEqualTo(Duration.ofSeconds(60));
        long shortest = Long.MAX_VALUE;
        long longest = 0;
        for (int attempt = 0; attempt < 1_000; attempt++) {
            long delay = RetryPolicy.CLIENT_SERVICE.delayNanos(-1, random);
            shortest = Math.min(shortest, delay);
            longest = Math.max(longest, delay);
        }
        assertThat(shortest).isBetween(57_000_000_000L, 57_500_000_000L);
        assertThat(longest).isBetween(59_500_000_000L, 60_000_000_000L);
        assertThat(RetryPolicy.CLIENT_SERVICE.describe()).isEqualTo("every 60000 ms - up to 3000 ms");
    }

    @Test
    void a_jitter_is_a_per_cent_of_the_interval_or_a_duration() {
        assertThat(RetryPolicy.of(Duration.ofSeconds(10), "5%").jitter()).isEqualTo(Duration.ofMillis(500));
        assertThat(RetryPolicy.of(Duration.ofSeconds(10), " 2.5 % ").jitter()).isEqualTo(Duration.ofMillis(250));
        assertThat(RetryPolicy.of(Duration.ofSeconds(10), "0%").jitter()).isZero();
        assertThat(RetryPolicy.of(Duration.ofSeconds(10), "750ms").jitter()).isEqualTo(Duration.ofMillis(750));
        assertThat(RetryPolicy.of(Duration.ofSeconds(10), "5%").earlierOnly()).isFalse();
        assertThat(RetryPolicy.of(Duration.ofSeconds(10), "-5%")).isEqualTo(
                new RetryPolicy(Duration.ofSeconds(10), Duration.ofMillis(500), true));
        assertThat(RetryPolicy.of(Duration.ofSeconds(10), " - 750ms").jitter()).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void a_jitter_that_is_neither_is_refused_with_the_forms_it_takes() {
        for (String bad : new String[] {"five", "5", "%", "--1%", "-", "+1%", "101%", "-101%", "1.5s"}) {
            assertThatThrownBy(() -> RetryPolicy.of(Duration.ofSeconds(10), bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + bad + "'");
        }
        assertThatThrownBy(() -> RetryPolicy.of(Duration.ofSeconds(1), "2s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most the interval");
    }

    @Test
    void a_jitter_larger_than_the_interval_is_refused() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter");
    }
}
