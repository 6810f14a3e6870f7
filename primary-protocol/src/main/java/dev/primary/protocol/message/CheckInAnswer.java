package dev.primary.protocol.message;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.primary.protocol.crypto.SignedDocument;
import java.util.Objects;

/**
 * The server's answer to {@code register} and {@code verify}; its {@code status} field says which.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "status")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CheckInAnswer.Licensed.class, name = "licensed"),
    @JsonSubTypes.Type(value = CheckInAnswer.WaitingForSeat.class, name = "waiting"),
    @JsonSubTypes.Type(value = CheckInAnswer.Revoked.class, name = "revoked")
})
public sealed interface CheckInAnswer {

    /**
     * The client holds a seat: here is its (renewed) signed lease.
     *
     * @param lease a {@link SignedDocument} of kind {@code lease} whose payload is a {@link LeasePayload}
     * @param verifyAfterSeconds when the client should next check in
     */
    record Licensed(SignedDocument lease, long verifyAfterSeconds) implements CheckInAnswer {
        public Licensed {
            Objects.requireNonNull(lease, "lease");
        }
    }

    /**
     * No seat is free; the client is queued and gets the next seat that frees up.
     *
     * @param reason why, in words an administrator understands
     * @param retryAfterSeconds when to ask again
     * @param queuePosition 1-based place in the queue for a seat
     */
    record WaitingForSeat(String reason, long retryAfterSeconds, int queuePosition) implements CheckInAnswer {
        public WaitingForSeat {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * An administrator revoked this client: it must stop its Recorder and drop its lease.
     *
     * @param reason the reason the administrator gave
     * @param retryAfterSeconds when to ask again (a revoked client may be reinstated)
     */
    record Revoked(String reason, long retryAfterSeconds) implements CheckInAnswer {
        public Revoked {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
