package dev.primary.protocol.message;

import java.util.Objects;

/**
 * {@code POST /v1/verify}: the periodic check-in of a client that holds a lease. Signed with the
 * client's key. The answer renews the lease (or says why not).
 *
 * @param leaseId the id of the lease the client holds
 * @param recorderVersion the version of the Recorder now running, {@link Version#NONE} if none
 * @param verifyIntervalSeconds how often the client checks in
 */
public record VerifyRequest(String leaseId, Version recorderVersion, long verifyIntervalSeconds) {
    public VerifyRequest {
        Objects.requireNonNull(leaseId, "leaseId");
        Objects.requireNonNull(recorderVersion, "recorderVersion");
        if (verifyIntervalSeconds < 1) {
            throw new IllegalArgumentException("verifyIntervalSeconds must be at least 1, got " + verifyIntervalSeconds);
        }
    }
}
