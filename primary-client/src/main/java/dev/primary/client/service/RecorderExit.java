package dev.primary.client.service;

import dev.primary.protocol.message.Version;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A Recorder that ended without being asked to, or could not be started at all.
 *
 * @param version the version that ended
 * @param exitCode its exit code; {@code null} when it could not be started
 * @param ran how long it ran
 * @param startFailure why it could not be started; empty when it started
 */
public record RecorderExit(Version version, Integer exitCode, Duration ran, String startFailure) {
    public RecorderExit {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(ran, "ran");
        startFailure = startFailure == null ? "" : startFailure;
    }

    public static RecorderExit exited(Version version, int exitCode, Duration ran) {
        return new RecorderExit(version, exitCode, ran, "");
    }

    public static RecorderExit notStarted(Version version, String why) {
        return new RecorderExit(version, null, Duration.ZERO, why);
    }

    /** {@code exited with code 1 after 0.2 s} or {@code could not be started: ...}. */
    public String describe() {
        if (exitCode == null) {
            return "could not be started: " + startFailure;
        }
        return String.format(Locale.ROOT, "exited with code %d after %.1f s", exitCode, ran.toMillis() / 1000.0);
    }
}
