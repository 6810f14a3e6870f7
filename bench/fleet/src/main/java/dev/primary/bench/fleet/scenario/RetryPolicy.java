package dev.primary.bench.fleet.scenario;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * When a client that failed to check in tries again: after the retry interval with a random jitter of up to
 * {@code jitter} either way, or after the server's {@code Retry-After} when it gave one. The real Client Service
 * retries after 1 minute; the bench scales that down (1 s by default) so an outage fits in a benchmark run.
 *
 * @param interval the pause between attempts
 * @param jitter the largest random deviation from the interval, either way
 */
public record RetryPolicy(Duration interval, Duration jitter) {
    public RetryPolicy {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(jitter, "jitter");
        if (interval.isNegative() || interval.isZero() || jitter.isNegative() || jitter.compareTo(interval) > 0) {
            throw new IllegalArgumentException("the retry interval must be positive and the jitter at most the "
                    + "interval, got " + interval + " and " + jitter);
        }
    }

    /** Nanoseconds to wait before the next attempt; {@code retryAfterSeconds} (if not negative) wins. */
    public long delayNanos(long retryAfterSeconds, SplittableRandom random) {
        long base = retryAfterSeconds >= 0 ? Duration.ofSeconds(retryAfterSeconds).toNanos() : interval.toNanos();
        long spread = jitter.toNanos();
        long offset = spread == 0 ? 0 : random.nextLong(-spread, spread + 1);
        return Math.max(0, base + offset);
    }

    /** A random first attempt within one interval, so the fleet does not start in lock step. */
    public long firstDelayNanos(SplittableRandom random) {
        return random.nextLong(interval.toNanos() + 1);
    }
}
