package dev.primary.client.service;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** Spreads waits a little, so that many clients started together do not contact the server in lock-step. */
@FunctionalInterface
public interface Jitter {
    Duration spread(Duration delay);

    /** No spreading (tests). */
    static Jitter none() {
        return delay -> delay;
    }

    /** Spreads each wait uniformly within plus or minus {@code percent} per cent. */
    static Jitter percent(int percent, RandomGenerator random) {
        if (percent < 0 || percent >= 100) {
            throw new IllegalArgumentException("jitter must be 0-99 per cent, got " + percent);
        }
        Objects.requireNonNull(random, "random");
        return delay -> {
            double factor = 1 + (random.nextDouble() * 2 - 1) * percent / 100.0;
            return Duration.ofNanos(Math.round(delay.toNanos() * factor));
        };
    }
}
