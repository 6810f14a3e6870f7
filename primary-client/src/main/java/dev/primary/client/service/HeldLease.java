package dev.primary.client.service;

import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.message.LeasePayload;
import java.time.Instant;
import java.util.Objects;

/** A lease whose signature and client id were checked: the document as stored, and what it grants. */
public record HeldLease(SignedDocument document, LeasePayload payload) {
    public HeldLease {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(payload, "payload");
    }

    public String leaseId() {
        return payload.leaseId();
    }

    public Instant expiresAt() {
        return payload.expiresAt();
    }

    /** Whether the lease is still valid at {@code trustedNow} (the later of the clock and the latest time seen). */
    public boolean validAt(Instant trustedNow) {
        return trustedNow.isBefore(payload.expiresAt());
    }
}
