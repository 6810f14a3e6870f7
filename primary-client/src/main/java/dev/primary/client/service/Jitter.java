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

    /**
     * Shortens each wait by a uniformly random 0 to {@code percent} per cent: a fleet does not contact its server in
     * step, and no wait is ever longer than asked ("once a minute" is at most a minute, so every client that failed
     * while its server was away is back within one interval of the server's return).
     */
    static Jitter earlierBy(int percent, RandomGenerator random) {
        if (percent < 0 || percent >= 100) {
            throw new IllegalArgumentException("jitter must be 0-99 per cent, got " + percent);
        }
        Objects.requireNonNull(random, "random");
        return delay -> {
            double factor = 1 - random.nextDouble() * percent / 100.0;
            return Duration.ofNanos(Math.round(delay.toNanos() * factor));
        };
    }
}
