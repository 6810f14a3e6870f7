package dev.primary.protocol.message;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.release.ContentDirective;
import dev.primary.protocol.release.UpdateDirective;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
     * The client holds a seat: here is its renewed signed lease, or (to a client that said it
     * {@linkplain VerifyRequest#keepsCurrentLease() keeps its current lease}) the id of the lease it holds,
     * which stays good. Exactly one of {@code lease} and {@code currentLease} is present.
     *
     * @param lease a {@link SignedDocument} of kind {@code lease} whose payload is a {@link LeasePayload}; absent
     *     when {@code currentLease} is present
     * @param verifyAfterSeconds when the client should next check in
     * @param updates releases this client should install (empty: none); at most one per product
     * @param content a newer content revision to apply; absent when the client has the latest
     * @param currentLease the id of the lease the client sent in its check-in, which it keeps: not yet due for
     *     renewal and unchanged; absent when {@code lease} is present
     * @param checkInKey the key to authenticate the next check-ins with ({@link dev.primary.protocol.crypto.RequestMac});
     *     present only in the answer to a signed request, when the server hands out check-in keys
     */
    record Licensed(SignedDocument lease, long verifyAfterSeconds, List<UpdateDirective> updates,
            ContentDirective content, String currentLease, CheckInKey checkInKey) implements CheckInAnswer {
        public Licensed {
            if ((lease == null) == (currentLease == null)) {
                throw new IllegalArgumentException("a licensed answer carries exactly one of lease and currentLease");
            }
            updates = updates == null ? List.of() : List.copyOf(updates);
        }

        public Licensed(SignedDocument lease, long verifyAfterSeconds, List<UpdateDirective> updates,
                ContentDirective content) {
            this(lease, verifyAfterSeconds, updates, content, null, null);
        }

        public Licensed(SignedDocument lease, long verifyAfterSeconds, List<UpdateDirective> updates,
                ContentDirective content, String currentLease) {
            this(lease, verifyAfterSeconds, updates, content, currentLease, null);
        }

        /** This answer carrying {@code key} for the client's next check-ins. */
        public Licensed withCheckInKey(CheckInKey key) {
            return new Licensed(lease, verifyAfterSeconds, updates, content, currentLease, key);
        }

        /** The check-in key handed out with this answer, if any. */
        public Optional<CheckInKey> newCheckInKey() {
            return Optional.ofNullable(checkInKey);
        }

        public Licensed(SignedDocument lease, long verifyAfterSeconds) {
            this(lease, verifyAfterSeconds, List.of(), null);
        }

        /** The answer that keeps the client's lease {@code leaseId}: not due for renewal, nothing in it changed. */
        public static Licensed keeping(String leaseId, long verifyAfterSeconds, List<UpdateDirective> updates,
                ContentDirective content) {
            return new Licensed(null, verifyAfterSeconds, updates, content, Objects.requireNonNull(leaseId, "leaseId"));
        }

        /** A new signed lease, unless the answer keeps the current one. */
        public Optional<SignedDocument> newLease() {
            return Optional.ofNullable(lease);
        }

        public Optional<ContentDirective> contentUpdate() {
            return Optional.ofNullable(content);
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
