package dev.primary.bench.fleet.scenario;

import dev.primary.protocol.time.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * When a client that failed to check in tries again: after the retry interval with a random jitter of up to
 * {@code jitter}, either way or (with {@code earlierOnly}) only sooner; after a refusal with {@code Retry-After}
 * (a 503), the longer of that and the server's wait, as the Client Service does
 * ({@code ContactTiming.honouringRetryAfter}); after a waiting or revoked answer, the {@code retryAfterSeconds} it
 * carries. The real Client Service retries a failed first contact after {@code intervals.retry} (60 s) shortened by
 * a random 0-5 %, never lengthened ({@code Jitter.earlierBy(5)}): {@link #CLIENT_SERVICE}. (A client that holds a
 * lease backs off further, doubling per failure up to {@code intervals.maxBackoff}; a fixed interval is the densest
 * storm a real fleet makes.)
 *
 * @param interval the pause between attempts
 * @param jitter the largest random deviation from the interval
 * @param earlierOnly whether the deviation only shortens the interval (the Client Service's) or goes either way
 */
public record RetryPolicy(Duration interval, Duration jitter, boolean earlierOnly) {
    /** The Client Service's own retry: 60 s, up to 5 % sooner. */
    public static final RetryPolicy CLIENT_SERVICE = of(Duration.ofMinutes(1), "-5%");

    /** A jitter either way. */
    public RetryPolicy(Duration interval, Duration jitter) {
        this(interval, jitter, false);
    }

    public RetryPolicy {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(jitter, "jitter");
        if (interval.isNegative() || interval.isZero() || jitter.isNegative() || jitter.compareTo(interval) > 0) {
            throw new IllegalArgumentException("the retry interval must be positive and the jitter at most the "
                    + "interval, got " + interval + " and " + jitter);
        }
    }

    /**
     * A policy whose jitter is given as a share of the interval ({@code 5%}) or as a duration ({@code 250ms}), either
     * way; with a leading minus ({@code -5%}, as the Client Service spreads its waits, or {@code -3s}) only sooner.
     */
    public static RetryPolicy of(Duration interval, String jitter) {
        Objects.requireNonNull(interval, "interval");
        String given = Objects.requireNonNull(jitter, "jitter").strip();
        boolean earlierOnly = given.startsWith("-");
        String spec = earlierOnly ? given.substring(1).strip() : given;
        if (spec.isEmpty() || spec.startsWith("-") || spec.startsWith("+")) {
            throw new IllegalArgumentException("a jitter is a per cent of the interval (5%) or a duration (3s), "
                    + "either way, or with a leading minus only sooner (-5%), got '" + jitter + "'");
        }
        if (spec.endsWith("%")) {
            double percent;
            try {
                percent = Double.parseDouble(spec.substring(0, spec.length() - 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a jitter is a per cent of the interval (5%) or a duration (3s), "
                        + "got '" + jitter + "'");
            }
            if (!(percent >= 0 && percent <= 100)) {
                throw new IllegalArgumentException("a jitter in per cent is 0-100 % of the interval, got '" + jitter
                        + "'");
            }
            return new RetryPolicy(interval, Duration.ofNanos(Math.round(interval.toNanos() * percent / 100)),
                    earlierOnly);
        }
        Duration spread;
        try {
            spread = Durations.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a jitter is a per cent of the interval (5%) or a duration (3s), got '"
                    + jitter + "'", e);
        }
        return new RetryPolicy(interval, spread, earlierOnly);
    }

    /** Nanoseconds to wait before the next attempt; {@code retryAfterSeconds} (if not negative) wins. */
    public long delayNanos(long retryAfterSeconds, SplittableRandom random) {
        long base = retryAfterSeconds >= 0 ? Duration.ofSeconds(retryAfterSeconds).toNanos() : interval.toNanos();
        long spread = jitter.toNanos();
        long offset = spread == 0 ? 0 : random.nextLong(-spread, earlierOnly ? 1 : spread + 1);
        return Math.max(0, base + offset);
    }

    /**
     * Nanoseconds to wait after a refusal whose {@code Retry-After} said {@code retryAfterSeconds} (negative: none):
     * the longer of the client's own pause and the server's wait.
     */
    public long afterRefusalNanos(long retryAfterSeconds, SplittableRandom random) {
        long own = delayNanos(-1, random);
        return retryAfterSeconds < 0 ? own : Math.max(own, Duration.ofSeconds(retryAfterSeconds).toNanos());
    }

    /** A random first attempt within one interval, so the fleet does not start in lock step. */
    public long firstDelayNanos(SplittableRandom random) {
        return random.nextLong(interval.toNanos() + 1);
    }

    /**
     * The longest pause between two attempts without a {@code Retry-After}: the interval, plus the jitter when it
     * goes either way.
     */
    public Duration longestPause() {
        return earlierOnly ? interval : interval.plus(jitter);
    }

    /** For the results' notes, e.g. {@code every 60000 ms +/- 3000 ms} or {@code every 60000 ms - up to 3000 ms}. */
    public String describe() {
        return "every " + interval.toMillis() + " ms " + (earlierOnly ? "- up to " : "+/- ") + jitter.toMillis()
                + " ms";
    }
}
