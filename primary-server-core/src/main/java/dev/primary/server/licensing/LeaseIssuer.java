package dev.primary.server.licensing;

import dev.primary.protocol.crypto.Base64Url;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.LeasePayload;
import dev.primary.server.computer.Computer;
import dev.primary.server.computer.IssuedLease;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/**
 * Makes leases: the terms inside a store write (so they are recorded with the seat), the signature
 * after it, on the caller's thread, so the single writer never waits for a signature.
 */
final class LeaseIssuer {
    private final SecureRandom random = new SecureRandom();
    private final String serverId;
    private final Duration validity;
    private final SigningKey serverKey;

    LeaseIssuer(String serverId, Duration validity, SigningKey serverKey) {
        this.serverId = serverId;
        this.validity = validity;
        this.serverKey = serverKey;
    }

    String newLeaseId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64Url.encode(bytes);
    }

    /**
     * The terms of a lease for {@code computer}'s seat of {@code license}: valid for the lease
     * validity, but never beyond the license's own end.
     */
    LeasePayload terms(String leaseId, Computer computer, License license, Instant now) {
        Instant expiresAt = expiry(license, now);
        return new LeasePayload(leaseId, serverId, computer.clientId(), computer.identity(), license.serial(),
                license.features(), now, renewAfter(now, computer.verifyIntervalSeconds(), expiresAt), expiresAt);
    }

    /**
     * Whether the lease {@code leaseId} a client holds for {@code computer}'s seat of {@code license} stays good, so
     * that none need be signed: it is the lease last issued for this seat (a new seat, holder or license forgets it),
     * it is not yet past its renew time (issued + the verify interval, which the caller checked is unchanged), and a
     * lease issued at the same time now would expire at the same moment (lease validity and license expiry unchanged).
     * A change of the license's features alone reaches the client at its next renewal, at most one interval later.
     */
    boolean stillGood(Computer computer, String leaseId, License license, Instant now) {
        IssuedLease held = computer.lease();
        if (held == null || !held.leaseId().equals(leaseId)) {
            return false;
        }
        if (!held.expiresAt().equals(expiry(license, held.issuedAt()))) {
            return false;
        }
        return now.isBefore(renewAfter(held.issuedAt(), computer.verifyIntervalSeconds(), held.expiresAt()));
    }

    /** Issued + the lease validity, but never beyond the license's own end. */
    private Instant expiry(License license, Instant issuedAt) {
        Instant expiresAt = issuedAt.plus(validity);
        if (license.expiresAt() != null && license.expiresAt().isBefore(expiresAt)) {
            expiresAt = license.expiresAt();
        }
        return expiresAt;
    }

    private static Instant renewAfter(Instant issuedAt, long verifyIntervalSeconds, Instant expiresAt) {
        // Compared as a length, never added first: no interval, however long, can overflow the renew time.
        long secondsToExpiry = Duration.between(issuedAt, expiresAt).getSeconds();
        return verifyIntervalSeconds < secondsToExpiry ? issuedAt.plusSeconds(verifyIntervalSeconds) : expiresAt;
    }

    static IssuedLease recordOf(LeasePayload terms) {
        return new IssuedLease(terms.leaseId(), terms.issuedAt(), terms.expiresAt());
    }

    SignedDocument sign(LeasePayload terms) {
        return SignedDocument.sign(SignedDocument.LEASE, Json.write(terms), serverKey);
    }
}
