package dev.primary.bench.fleet.client;

import dev.primary.protocol.message.Version;
import java.util.Objects;

/**
 * What every simulated client says about itself in its check-ins.
 *
 * @param os the operating system text
 * @param clientVersion the Client Service version it claims
 * @param recorderVersion the Recorder version it claims to run
 * @param verifyIntervalSeconds its check-in interval (the real default: 4 hours)
 */
public record ClientProfile(String os, Version clientVersion, Version recorderVersion, long verifyIntervalSeconds) {
    public ClientProfile {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(clientVersion, "clientVersion");
        Objects.requireNonNull(recorderVersion, "recorderVersion");
        if (verifyIntervalSeconds < 1) {
            throw new IllegalArgumentException("verifyIntervalSeconds must be at least 1");
        }
    }

    /** A Windows-like client of version 1.0.1 with Recorder 1.0.1, checking in every 4 hours. */
    public static ClientProfile standard() {
        return new ClientProfile("Windows 10.0 amd64 (fleet simulator)", new Version(1, 0, 1), new Version(1, 0, 1),
                4 * 3600);
    }
}
