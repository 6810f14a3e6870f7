package dev.primary.client.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the system clock against the trusted time: warns once (and again if it gets worse) when
 * the clock was set back by more than the tolerance, and says so in the status reason.
 */
final class ClockWatch {
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(ClockWatch.class);

    private final TrustedTime time;
    private Duration behind = Duration.ZERO;
    private Duration warnedBehind;

    ClockWatch(TrustedTime time) {
        this.time = time;
    }

    /** Reads the clocks, warns about a clock set back, and returns the trusted time. */
    Instant observe() {
        TrustedTime.Reading reading = time.read();
        behind = reading.clockBehind();
        if (behind.compareTo(TOLERANCE) <= 0) {
            warnedBehind = null;
        } else if (warnedBehind == null || behind.minus(warnedBehind).compareTo(TOLERANCE) > 0) {
            LOG.warn("System clock went back: it reads {} but {} was already seen ({} later); lease expiry is judged "
                    + "by the later time", Phrases.time(reading.wall()), Phrases.time(reading.trusted()),
                    Phrases.duration(behind));
            warnedBehind = behind;
        }
        return reading.trusted();
    }

    Instant now() {
        return time.now();
    }

    void reanchor(Instant serverTime) {
        time.reanchor(serverTime);
    }

    Instant highestSeen() {
        return time.highestSeen();
    }

    /** The status reason's note while the clock is set back, if it is. */
    Optional<String> note() {
        if (behind.compareTo(TOLERANCE) <= 0) {
            return Optional.empty();
        }
        return Optional.of("the system clock is " + Phrases.duration(behind)
                + " behind the latest time seen (was it set back?); lease expiry is judged by the latest time seen");
    }
}
