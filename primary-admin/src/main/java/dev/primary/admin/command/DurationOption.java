package dev.primary.admin.command;

import dev.primary.admin.AdminUsageException;
import dev.primary.protocol.time.Durations;
import java.time.Duration;

/** A duration option as people type it ({@code 90m}, {@code 12h}, {@code 7d}; see {@link Durations}), in seconds. */
final class DurationOption {
    private DurationOption() {}

    /** {@code text} in seconds; a usage error naming {@code option} when it is not a duration of whole seconds. */
    static long seconds(String option, String text) {
        Duration duration;
        try {
            duration = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new AdminUsageException(option + ": " + e.getMessage());
        }
        if (duration.toMillis() % 1000 != 0) {
            throw new AdminUsageException(option + ": give whole seconds (like 90m, 12h or 7d), got \"" + text + "\"");
        }
        return duration.toSeconds();
    }
}
