package dev.primary.bench.fleet.client;

import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.CheckInKey;
import dev.primary.protocol.message.LeasePayload;

/**
 * What a {@code register} or {@code verify} answer said, as far as the simulator cares.
 *
 * @param status {@code licensed}, {@code waiting} or {@code revoked}
 * @param leaseId the lease id of a licensed answer, else null
 * @param retryAfterSeconds when a waiting or revoked client should ask again, else 0
 * @param checkInKey the check-in key a licensed answer handed out, else null
 */
public record CheckInResult(String status, String leaseId, long retryAfterSeconds, CheckInKey checkInKey) {
    public CheckInResult(String status, String leaseId, long retryAfterSeconds) {
        this(status, leaseId, retryAfterSeconds, null);
    }

    public static final String LICENSED = "licensed";
    public static final String WAITING = "waiting";
    public static final String REVOKED = "revoked";

    public boolean licensed() {
        return LICENSED.equals(status);
    }

    /**
     * Parses a {@link CheckInAnswer} (strictly, with the protocol's own mapping) and the lease payload's id (or the id
     * of the lease the client keeps, when the answer keeps its current one).
     *
     * @throws dev.primary.protocol.json.MalformedJsonException if the body is not a check-in answer
     */
    public static CheckInResult read(byte[] body) {
        CheckInAnswer answer = Json.read(body, CheckInAnswer.class);
        if (answer instanceof CheckInAnswer.Licensed licensed) {
            if (licensed.lease() == null) {
                return new CheckInResult(LICENSED, licensed.currentLease(), 0, licensed.checkInKey());
            }
            LeasePayload lease = Json.read(licensed.lease().unverifiedPayload(), LeasePayload.class);
            return new CheckInResult(LICENSED, lease.leaseId(), 0, licensed.checkInKey());
        }
        if (answer instanceof CheckInAnswer.WaitingForSeat waiting) {
            return new CheckInResult(WAITING, null, waiting.retryAfterSeconds());
        }
        return new CheckInResult(REVOKED, null, ((CheckInAnswer.Revoked) answer).retryAfterSeconds());
    }
}
