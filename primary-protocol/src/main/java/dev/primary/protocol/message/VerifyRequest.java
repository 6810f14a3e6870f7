package dev.primary.protocol.message;

import dev.primary.protocol.release.UpdateReport;
import java.util.List;
import java.util.Objects;

/**
 * {@code POST /v1/verify}: the periodic check-in of a client that holds a lease. Signed with the
 * client's key. The answer renews the lease (or says why not).
 *
 * @param leaseId the id of the lease the client holds
 * @param recorderVersion the version of the Recorder now running, {@link Version#NONE} if none
 * @param verifyIntervalSeconds how often the client checks in, 1 s to one year ({@link VerifyIntervals})
 * @param clientVersion the Client Service's version now running; absent from older clients
 * @param contentRevision the content revision applied (0 = none)
 * @param nudgePort the TCP port on which the client accepts a "check in now" nudge; 0 = none
 * @param updates where the client stands with the updates it was told to install
 * @param keepsCurrentLease whether the client understands a {@code licensed} answer that keeps its current lease
 *     ({@link CheckInAnswer.Licensed#currentLease()}) instead of carrying a new one; absent (false) from older clients
 */
public record VerifyRequest(String leaseId, Version recorderVersion, long verifyIntervalSeconds, Version clientVersion,
        Long contentRevision, Integer nudgePort, List<UpdateReport> updates, Boolean keepsCurrentLease) {
    public VerifyRequest(String leaseId, Version recorderVersion, long verifyIntervalSeconds) {
        this(leaseId, recorderVersion, verifyIntervalSeconds, null, 0L, 0, List.of());
    }

    /** A check-in of a client that always wants a newly signed lease (as clients before {@code keepsCurrentLease}). */
    public VerifyRequest(String leaseId, Version recorderVersion, long verifyIntervalSeconds, Version clientVersion,
            Long contentRevision, Integer nudgePort, List<UpdateReport> updates) {
        this(leaseId, recorderVersion, verifyIntervalSeconds, clientVersion, contentRevision, nudgePort, updates, false);
    }

    public VerifyRequest {
        keepsCurrentLease = keepsCurrentLease != null && keepsCurrentLease;
        contentRevision = contentRevision == null ? 0L : contentRevision;
        nudgePort = NudgePorts.check(nudgePort);
        updates = updates == null ? List.of() : List.copyOf(updates);
        Objects.requireNonNull(leaseId, "leaseId");
        Objects.requireNonNull(recorderVersion, "recorderVersion");
        VerifyIntervals.check(verifyIntervalSeconds);
    }
}
