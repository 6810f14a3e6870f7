package dev.primary.protocol.admin;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The hours of {@code GET /admin/v1/stats/hourly}: every kept hour whose start is in {@code [from, to)}, oldest
 * first. An hour the server kept nothing for (it was down) has no entry.
 */
public record HourlyStatsPage(Instant from, Instant to, List<HourlyStats> hours) {
    public HourlyStatsPage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        hours = hours == null ? List.of() : List.copyOf(hours);
    }
}
