package dev.primary.client.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JitterTest {
    @Test
    void five_per_cent_jitter_shortens_by_at_most_five_per_cent_never_lengthens_and_does_spread() {
        Jitter jitter = Jitter.earlierBy(5, new SplittableRandom(42));
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 1000; i++) {
            long millis = jitter.spread(Duration.ofSeconds(60)).toMillis();
            min = Math.min(min, millis);
            max = Math.max(max, millis);
        }
        assertThat(min).isGreaterThanOrEqualTo(57_000).isLessThan(57_500);
        assertThat(max).isLessThanOrEqualTo(60_000).isGreaterThan(59_500);
    }
}
