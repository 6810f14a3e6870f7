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
    void first_attempts_spread_over_one_interval() {
        for (int client = 0; client < 1_000; client++) {
            assertThat(policy.firstDelayNanos(random)).isBetween(0L, 1_000_000_000L);
        }
    }

    @Test
    void a_jitter_larger_than_the_interval_is_refused() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter");
    }
}
