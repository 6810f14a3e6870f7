package dev.primary.server.computer;

import java.time.Instant;
import java.util.Objects;

/**
 * The lease last issued to a computer, as the server remembers it (the signed document itself
 * is only on the client).
 */
public record IssuedLease(String leaseId, Instant issuedAt, Instant expiresAt) {
    public IssuedLease {
        Objects.requireNonNull(leaseId, "leaseId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean validAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
