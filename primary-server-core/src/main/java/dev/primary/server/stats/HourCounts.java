package dev.primary.server.stats;

import java.time.Instant;
import java.util.Objects;

/**
 * What one server counted in one hour (or part of it) and has not yet added to the store.
 *
 * @param hour the hour's start (UTC)
 */
public record HourCounts(Instant hour, long checkIns, long registrations, long reports) {
    public HourCounts {
        Objects.requireNonNull(hour, "hour");
        if (checkIns < 0 || registrations < 0 || reports < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    boolean isEmpty() {
        return checkIns == 0 && registrations == 0 && reports == 0;
    }
}
