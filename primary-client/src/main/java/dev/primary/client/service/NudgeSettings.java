package dev.primary.client.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How the server reaches this client between check-ins.
 *
 * @param port the port the nudge listener actually listens on, announced in register and verify; 0 = none
 * @param minimumInterval at most one nudge-triggered check-in per this interval (default 10 s): a flood of nudges
 *     changes nothing but rate-limited check-ins
 */
public record NudgeSettings(int port, Duration minimumInterval) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    public static final NudgeSettings NONE = new NudgeSettings(0, DEFAULT_INTERVAL);

    public NudgeSettings {
        Objects.requireNonNull(minimumInterval, "minimumInterval");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("nudge port must be 0 (none) or 1-65535, got " + port);
        }
        if (minimumInterval.isNegative()) {
            throw new IllegalArgumentException("minimumInterval cannot be negative, got " + minimumInterval);
        }
    }
}
