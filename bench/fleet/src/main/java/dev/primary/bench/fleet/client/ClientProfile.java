package dev.primary.bench.fleet.client;

import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.Version;
import java.util.Objects;

/**
 * What every simulated client says about itself in its check-ins.
 *
 * @param os the operating system text
 * @param clientVersion the Client Service version it claims
 * @param recorderVersion the Recorder version it claims to run
 * @param verifyIntervalSeconds its check-in interval (the real default: 4 hours)
 * @param enrollmentToken the enrollment token it registers with, as the Deployment Utility would have written it
 *     into its configuration; empty for none (a server with open enrollment)
 */
public record ClientProfile(String os, Version clientVersion, Version recorderVersion, long verifyIntervalSeconds,
        String enrollmentToken) {
    public ClientProfile {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(clientVersion, "clientVersion");
        Objects.requireNonNull(recorderVersion, "recorderVersion");
        Objects.requireNonNull(enrollmentToken, "enrollmentToken");
        if (verifyIntervalSeconds < 1) {
            throw new IllegalArgumentException("verifyIntervalSeconds must be at least 1");
        }
        if (enrollmentToken.length() > RegisterRequest.MAX_TOKEN_LENGTH) {
            throw new IllegalArgumentException("an enrollment token is at most " + RegisterRequest.MAX_TOKEN_LENGTH
                    + " characters");
        }
    }

    /** A Windows-like client of version 1.0.1 with Recorder 1.0.1, checking in every 4 hours, without a token. */
    public static ClientProfile standard() {
        return new ClientProfile("Windows 10.0 amd64 (fleet simulator)", new Version(1, 0, 1), new Version(1, 0, 1),
                4 * 3600, "");
    }

    /** This profile, registering with {@code token} (empty for none). */
    public ClientProfile withEnrollmentToken(String token) {
        return new ClientProfile(os, clientVersion, recorderVersion, verifyIntervalSeconds, token);
    }
}
