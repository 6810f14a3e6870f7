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
     * The client holds a seat: here is its (renewed) signed lease.
     *
     * @param lease a {@link SignedDocument} of kind {@code lease} whose payload is a {@link LeasePayload}
     * @param verifyAfterSeconds when the client should next check in
     * @param updates releases this client should install (empty: none); at most one per product
     * @param content a newer content revision to apply; absent when the client has the latest
     */
    record Licensed(SignedDocument lease, long verifyAfterSeconds, List<UpdateDirective> updates,
            ContentDirective content) implements CheckInAnswer {
        public Licensed {
            Objects.requireNonNull(lease, "lease");
            updates = updates == null ? List.of() : List.copyOf(updates);
        }

        public Licensed(SignedDocument lease, long verifyAfterSeconds) {
            this(lease, verifyAfterSeconds, List.of(), null);
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
