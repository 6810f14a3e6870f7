package dev.primary.client.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The time a client judges its lease by: never earlier than the latest time it has seen. Within a
 * run the latest time seen moves on with the monotonic clock, so setting the wall clock back
 * neither freezes the client nor extends its lease; across restarts it starts from the value kept
 * in the state file. A lease freshly received from the server re-anchors it to the server's time,
 * which heals a clock that was once set far forward.
 */
public final class TrustedTime {
    private final TimeSource source;
    private Instant anchor;
    private long anchorNanos;

    public TrustedTime(TimeSource source, Instant highestSeenBefore) {
        this.source = Objects.requireNonNull(source, "source");
        Instant wall = source.now();
        this.anchor = highestSeenBefore != null && highestSeenBefore.isAfter(wall) ? highestSeenBefore : wall;
        this.anchorNanos = source.nanoTime();
    }

    /** Reads both clocks: the wall clock and the trusted time. */
    public Reading read() {
        Instant wall = source.now();
        long nanos = source.nanoTime();
        Instant carried = anchor.plusNanos(Math.max(0, nanos - anchorNanos));
        Instant trusted = wall.isAfter(carried) ? wall : carried;
        anchor = trusted;
        anchorNanos = nanos;
        return new Reading(wall, trusted);
    }

    /** The trusted time now. */
    public Instant now() {
        return read().trusted();
    }

    /** The latest time seen, as kept in the state file. */
    public Instant highestSeen() {
        return anchor;
    }

    /** Restarts from the later of the wall clock and {@code serverTime}, a time the server vouched for. */
    public void reanchor(Instant serverTime) {
        Instant wall = source.now();
        anchor = serverTime.isAfter(wall) ? serverTime : wall;
        anchorNanos = source.nanoTime();
    }

    /**
     * @param wall what the system clock says
     * @param trusted the later of the wall clock and the latest time seen
     */
    public record Reading(Instant wall, Instant trusted) {
        /** How far the wall clock is behind the latest time seen (zero when it is not). */
        public Duration clockBehind() {
            return Duration.between(wall, trusted);
        }
    }
}
