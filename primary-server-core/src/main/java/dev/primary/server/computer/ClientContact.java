package dev.primary.server.computer;

import dev.primary.protocol.message.VerifyIntervals;
import dev.primary.protocol.message.Version;
import java.util.Objects;

/**
 * What a client says about itself when it registers.
 *
 * @param clientId the key id of the client's key
 * @param os the operating system it reports
 * @param clientVersion the Client Service's version
 * @param recorderVersion the running Recorder's version ({@link Version#NONE} if none)
 * @param verifyIntervalSeconds how often it checks in once licensed, 1 s to one year (the wire's bound)
 */
public record ClientContact(String clientId, String os, Version clientVersion, Version recorderVersion,
        long verifyIntervalSeconds) {
    public ClientContact {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(clientVersion, "clientVersion");
        Objects.requireNonNull(recorderVersion, "recorderVersion");
        if (verifyIntervalSeconds < 1 || verifyIntervalSeconds > VerifyIntervals.MAX_SECONDS) {
            throw new IllegalArgumentException("verifyIntervalSeconds must be 1 to " + VerifyIntervals.MAX_SECONDS
                    + ", got " + verifyIntervalSeconds);
        }
    }
}
