package dev.primary.client.service;

import java.time.Duration;
import java.util.Optional;

/** When to contact the server next, by outcome of the last contact. */
final class ContactTiming {
    /** Never contact the server more often than this on its say-so. */
    static final Duration MIN_SERVER_WAIT = Duration.ofSeconds(1);

    private ContactTiming() {}

    /** After a licensed answer: the verify interval, or the server's {@code verifyAfterSeconds} when shorter. */
    static Duration afterLicensed(ServiceSettings.Timing timing, long verifyAfterSeconds) {
        Duration wait = timing.verify();
        if (verifyAfterSeconds > 0) {
            Duration asked = Duration.ofSeconds(verifyAfterSeconds);
            if (asked.compareTo(wait) < 0) {
                wait = asked;
            }
        }
        return wait;
    }

    /** After a waiting or revoked answer: the server's value, but at least a second. */
    static Duration serverAsked(long retryAfterSeconds) {
        Duration asked = Duration.ofSeconds(Math.max(0, retryAfterSeconds));
        return asked.compareTo(MIN_SERVER_WAIT) < 0 ? MIN_SERVER_WAIT : asked;
    }

    /**
     * {@code wait}, or the server's {@code Retry-After} when that is longer; but never longer than {@code maxBackoff},
     * so that a server's say-so cannot silence a client for long.
     */
    static Duration honouringRetryAfter(Duration wait, Optional<Duration> retryAfter, ServiceSettings.Timing timing) {
        if (retryAfter.isEmpty() || retryAfter.get().compareTo(wait) <= 0) {
            return wait;
        }
        return retryAfter.get().compareTo(timing.maxBackoff()) > 0 ? timing.maxBackoff() : retryAfter.get();
    }

    /**
     * After {@code failures} failed contacts in a row: without a lease the retry interval; with one,
     * the retry interval doubling per failure up to {@code maxBackoff}.
     */
    static Duration afterFailure(ServiceSettings.Timing timing, int failures, boolean holdsLease) {
        if (!holdsLease) {
            return timing.retry();
        }
        Duration wait = timing.retry();
        for (int i = 1; i < failures && wait.compareTo(timing.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(timing.maxBackoff()) > 0 ? timing.maxBackoff() : wait;
    }
}
