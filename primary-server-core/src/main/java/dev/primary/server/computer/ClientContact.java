package dev.primary.server.computer;

import dev.primary.protocol.message.Version;
import java.util.Objects;

/**
 * What a client says about itself when it registers.
 *
 * @param clientId the key id of the client's key
 * @param os the operating system it reports
 * @param clientVersion the Client Service's version
 * @param recorderVersion the running Recorder's version ({@link Version#NONE} if none)
 * @param verifyIntervalSeconds how often it checks in once licensed
 */
public record ClientContact(String clientId, String os, Version clientVersion, Version recorderVersion,
        long verifyIntervalSeconds) {
    public ClientContact {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(clientVersion, "clientVersion");
        Objects.requireNonNull(recorderVersion, "recorderVersion");
        if (verifyIntervalSeconds < 1) {
            throw new IllegalArgumentException("verifyIntervalSeconds must be at least 1, got " + verifyIntervalSeconds);
        }
    }
}
