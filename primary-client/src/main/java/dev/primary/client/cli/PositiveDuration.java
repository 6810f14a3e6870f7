package dev.primary.client.cli;

import dev.primary.protocol.time.Durations;
import java.time.Duration;

/** A duration given on the command line ({@code 250ms}, {@code 60s}, {@code 5m}, {@code 4h}, {@code 7d}); must be positive. */
final class PositiveDuration {
    private PositiveDuration() {}

    /** {@code value} as a positive duration; an {@link IllegalArgumentException} says what is wrong with it. */
    static Duration parse(String value) {
        Duration duration = Durations.parse(value);
        if (duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive, got \"" + value + "\"");
        }
        return duration;
    }
}
