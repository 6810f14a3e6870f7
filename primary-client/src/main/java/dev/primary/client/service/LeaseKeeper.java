package dev.primary.client.service;

import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.crypto.SignedDocument;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's lease: checked offline against the pinned server key and this client's id, kept in
 * the {@link LeaseStore}, moved aside (with one WARN line saying why) when it cannot be trusted.
 */
final class LeaseKeeper {
    static final String REJECTED_SUFFIX = "rejected";
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final LeaseStore store;
    private final String clientId;
    private LeaseVerifier verifier;
    private HeldLease held;
    private Instant expiresAt;

    /** What the lease on disk turned out to be at start. */
    enum Found { NONE, VALID, EXPIRED, REJECTED }

    LeaseKeeper(LeaseStore store, String clientId) {
        this.store = store;
        this.clientId = clientId;
    }

    /** Trusts leases signed by {@code serverKey} from now on (at start, and when the configuration names another server). */
    void trust(PublicKey serverKey) {
        verifier = new LeaseVerifier(serverKey, clientId);
    }

    /** The valid lease held, or {@code null}. */
    HeldLease held() {
        return held;
    }

    boolean holds() {
        return held != null;
    }

    /** When the held lease expires, or the last one expired; {@code null} when there is none. */
    Instant expiresAt() {
        return expiresAt;
    }

    /** Reads and checks the lease on disk; a lease that cannot be trusted is moved aside. */
    Found loadFromDisk(Instant trustedNow) {
        Optional<SignedDocument> stored;
        HeldLease found;
        try {
            stored = store.load();
            if (stored.isEmpty()) {
                return Found.NONE;
            }
            found = verifier.verify(stored.get());
        } catch (LeaseRejectedException e) {
            rejectStored(e.getMessage());
            return Found.REJECTED;
        }
        expiresAt = found.expiresAt();
        if (!found.validAt(trustedNow)) {
            LOG.info("Lease {} on disk expired at {}: registering", found.leaseId(), Phrases.time(found.expiresAt()));
            return Found.EXPIRED;
        }
        LOG.info("Valid lease {} on disk (until {}): starting the Recorder", found.leaseId(),
                Phrases.time(found.expiresAt()));
        held = found;
        return Found.VALID;
    }

    /**
     * Checks a lease the server sent and, when it is genuine, ours and not expired, keeps it. The
     * server's issue time re-anchors the trusted time first.
     *
     * @throws LeaseRejectedException saying why it cannot be used; the document is kept aside for inspection
     */
    HeldLease acceptFromServer(SignedDocument document, ClockWatch clock) throws LeaseRejectedException {
        try {
            HeldLease received = verifier.verify(document);
            clock.reanchor(received.payload().issuedAt());
            Instant trusted = clock.now();
            if (!received.validAt(trusted)) {
                throw new LeaseRejectedException("lease " + received.leaseId() + " expired at "
                        + Phrases.time(received.expiresAt()) + " (this computer's time is " + Phrases.time(trusted) + ")");
            }
            store.save(document);
            held = received;
            expiresAt = received.expiresAt();
            return received;
        } catch (LeaseRejectedException e) {
            Path aside = store.keepAside(document, REJECTED_SUFFIX);
            throw new LeaseRejectedException(e.getMessage() + "; kept it as " + aside + " and not used");
        }
    }

    /**
     * The server says the lease {@code leaseId} this client holds stays good (not due for renewal): kept only if it is
     * the one held, and it still verifies offline (pinned server key, this client's id) and has not expired by the
     * trusted time. Nothing is written; the held lease stays where it is.
     *
     * @throws LeaseRejectedException saying why the answer cannot be used; the held lease is left as it is
     */
    HeldLease keepCurrent(String leaseId, ClockWatch clock) throws LeaseRejectedException {
        if (held == null || !held.leaseId().equals(leaseId)) {
            throw new LeaseRejectedException("the server said to keep lease " + leaseId + " but this client holds "
                    + (held == null ? "none" : "lease " + held.leaseId()));
        }
        HeldLease checked = verifier.verify(held.document());
        if (!checked.validAt(clock.now())) {
            throw new LeaseRejectedException("lease " + leaseId + " the server said to keep expired at "
                    + Phrases.time(checked.expiresAt()));
        }
        return checked;
    }

    /** Whether the held lease is still trusted under the current server key; if not, it is moved aside. */
    boolean stillTrusted() {
        if (held == null) {
            return true;
        }
        try {
            verifier.verify(held.document());
            return true;
        } catch (LeaseRejectedException e) {
            Optional<Path> aside = store.moveAside(REJECTED_SUFFIX);
            LOG.info("Lease {} does not hold for the newly configured server ({}){}: registering with that server",
                    held.leaseId(), e.getMessage(), aside.map(path -> "; moved it aside to " + path).orElse(""));
            held = null;
            expiresAt = null;
            return false;
        }
    }

    /** The held lease expired: it is no longer held (the file stays, it says when it expired). */
    void expire() {
        held = null;
    }

    /** The seat is gone (revoked, or waiting for one): the lease is deleted. */
    void drop() {
        store.delete();
        held = null;
        expiresAt = null;
    }

    private void rejectStored(String why) {
        Optional<Path> aside = store.moveAside(REJECTED_SUFFIX);
        LOG.warn("Lease on disk rejected: {}; moved it aside to {} and registering as an unlicensed client", why,
                aside.map(Path::toString).orElse("(already gone)"));
        held = null;
        expiresAt = null;
    }
}
