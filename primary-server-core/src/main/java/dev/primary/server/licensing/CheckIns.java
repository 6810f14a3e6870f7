package dev.primary.server.licensing;

import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.LeasePayload;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.ReportRequest;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.server.audit.AuditAction;
import dev.primary.server.computer.ClientContact;
import dev.primary.server.computer.Computer;
import dev.primary.server.computer.UpdateProfile;
import dev.primary.server.enrollment.ComputerEnrollment;
import dev.primary.server.enrollment.EnrollmentToken;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a client's check-in does to its computer, decided inside one store write: accept the
 * sequence, find the seat holder, then renew, grant, queue or refuse.
 */
final class CheckIns {
    private final SeatPool pool;
    private final LeaseIssuer leases;
    private final IdentityPolicy policy;

    CheckIns(SeatPool pool, LeaseIssuer leases, IdentityPolicy policy) {
        this.pool = pool;
        this.leases = leases;
        this.policy = policy;
    }

    /**
     * A registration. Who may enroll and whose claim counts, in this order: a revoked key is refused under any
     * name; a key that does not yet speak for this computer needs a usable enrollment token (unless enrollment is
     * open) and uses it up; a computer another key holds is not taken but recorded as a conflict, unless an
     * administrator allowed a rekey, the holder let it go (released, reclaimed) or has been silent longer than the
     * takeover period.
     */
    CheckInDecision register(LicensingWrites writes, ClientCredentials credentials, PublicKey key,
            RegisterRequest request, String leaseId, Instant now) {
        // A key recorded just now is not revoked and speaks for no computer: nothing to read back about it.
        boolean newKey = ClientAuthentication.acceptSequence(writes, credentials, key, now);
        String clientId = credentials.clientId();
        String actor = actorOf(credentials);
        ClientContact contact = new ClientContact(clientId, request.os(), request.clientVersion(),
                request.recorderVersion(), request.verifyIntervalSeconds());
        ComputerIdentity identity = request.computer();
        Optional<ClientRecord> client = newKey ? Optional.empty() : writes.client(clientId);
        if (client.isPresent() && client.get().revoked()) {
            return revokedKey(writes, clientId, identity, contact, client.get().revokedReason(), now);
        }
        Optional<EnrollmentToken> token = newKey
                ? tokenForNewKey(writes, request.enrollmentToken(), now)
                : tokenFor(writes, clientId, identity, request.enrollmentToken(), now);
        Optional<Computer> holder = holderFor(writes, identity);
        Optional<ComputerEnrollment> rekeyed = Optional.empty();
        if (holder.isPresent() && heldByAnother(holder.get(), clientId)) {
            Computer held = holder.get();
            ComputerEnrollment enrollment = writes.enrollmentOf(held.id()).orElse(ComputerEnrollment.NONE);
            Optional<String> ground = takeoverGround(held, enrollment, now);
            if (ground.isEmpty()) {
                return conflict(writes, held, identity, contact, token, credentials.remoteAddress(), actor, now);
            }
            SeatPool.audit(writes, now, actor, AuditAction.COMPUTER_REKEYED, held, "client " + clientId
                    + " takes over from client " + held.clientId() + ": " + ground.get());
            writes.computerByKey(Computer.conflictKey(identity, clientId))
                    .ifPresent(claim -> writes.deleteComputer(claim.id()));
            rekeyed = Optional.of(enrollment.withRekeyAllowed(false));
        }
        Computer computer = holder
                .map(known -> takeOver(writes, known, identity, contact, actor, now))
                .orElseGet(() -> Computer.firstContact(identity, contact, now));
        UpdateProfile profile = computer.profile().reachedAt(credentials.remoteAddress(), request.nudgePort());
        if (token.isPresent() && profile.group().isEmpty() && !token.get().group().isEmpty()) {
            profile = profile.inGroup(token.get().group());
        }
        CheckInDecision decision = settle(writes, computer.withProfile(profile), actor, leaseId, null, now);
        long computerId = decision.computer().id();
        if (token.isPresent()) {
            EnrollmentToken used = token.get();
            writes.updateEnrollmentToken(used.usedOnce());
            writes.saveEnrollment(computerId, new ComputerEnrollment(used.id(), credentials.remoteAddress(), false));
            SeatPool.audit(writes, now, actor, AuditAction.COMPUTER_ENROLLED, decision.computer(),
                    "enrolled with " + Enrollments.subject(used) + " from " + sourceOf(credentials));
        } else if (holder.isEmpty()) {
            writes.saveEnrollment(computerId, new ComputerEnrollment("", credentials.remoteAddress(), false));
        } else if (rekeyed.isPresent()) {
            writes.saveEnrollment(computerId, rekeyed.get());
        }
        return decision;
    }

    /**
     * The enrollment token a registration must use up: none when the key already speaks for this computer
     * (any of its per-user seats, or a recorded claim) — it enrolled then; else the one it presents, which must
     * be usable. With open enrollment a token is optional, but one that is given must still be usable.
     */
    Optional<EnrollmentToken> tokenFor(LicensingReads writes, String clientId, ComputerIdentity identity,
            String tokenText, Instant now) {
        boolean speaksFor = writes.computersOfClient(clientId).stream()
                .anyMatch(known -> sameComputer(known.identity(), identity));
        if (speaksFor) {
            return Optional.empty();
        }
        return tokenForNewKey(writes, tokenText, now);
    }

    /** {@link #tokenFor} for a key that speaks for no computer yet. */
    private Optional<EnrollmentToken> tokenForNewKey(LicensingReads reads, String tokenText, Instant now) {
        if (policy.openEnrollment() && tokenText.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Enrollments.usable(reads, tokenText, now));
    }

    private static boolean sameComputer(ComputerIdentity one, ComputerIdentity other) {
        return one.computerName().equalsIgnoreCase(other.computerName()) && one.domain().equalsIgnoreCase(other.domain());
    }

    private static boolean heldByAnother(Computer known, String clientId) {
        return known.clientId() != null && !known.clientId().equals(clientId);
    }

    /** Why a new key may take over {@code held}; empty when it may not. */
    private Optional<String> takeoverGround(Computer held, ComputerEnrollment enrollment, Instant now) {
        if (enrollment.rekeyAllowed()) {
            return Optional.of("an administrator allowed a rekey");
        }
        if (held.state() == ComputerState.RELEASED || held.state() == ComputerState.RECLAIMED) {
            return Optional.of("its seat was " + held.state().wireName() + " (" + held.stateReason() + ")");
        }
        Duration silence = policy.takeoverAfterSilence();
        if (!silence.isZero() && held.lastContact() != null && held.lastContact().isBefore(now.minus(silence))) {
            return Optional.of("its holder has been silent since " + Wording.time(held.lastContact())
                    + ", longer than the " + Wording.duration(silence) + " allowed");
        }
        return Optional.empty();
    }

    /** Records (or renews) {@code identity}'s claim by this client as a conflict; the holder keeps its seat. */
    private static CheckInDecision conflict(LicensingWrites writes, Computer held, ComputerIdentity identity,
            ClientContact contact, Optional<EnrollmentToken> token, String source, String actor, Instant now) {
        String reason = held.identity().display() + " is already held by client " + held.clientId()
                + ", last contact " + (held.lastContact() == null ? "never" : Wording.time(held.lastContact()))
                + "; if it was re-imaged or replaced, an administrator lets this client take it over with"
                + " 'primary-admin computer rekey " + held.identity().display() + "'";
        Optional<Computer> claimed = writes.computerByKey(Computer.conflictKey(identity, contact.clientId()));
        Computer saved;
        if (claimed.isPresent()) {
            saved = claimed.get().withContact(contact, now).withConflictReason(reason, now);
            writes.updateComputer(saved);
        } else {
            saved = writes.insertComputer(Computer.conflict(identity, contact, reason, now));
            writes.saveEnrollment(saved.id(), new ComputerEnrollment(token.map(EnrollmentToken::id).orElse(""),
                    source, false));
            SeatPool.audit(writes, now, actor, AuditAction.COMPUTER_CONFLICT, held, "claimed by client "
                    + contact.clientId() + " while client " + held.clientId() + " holds it; no seat given");
        }
        return new CheckInDecision.Conflict(saved, reason);
    }

    /** A revoked key registering under any name: refused, nothing stored but its sequence. */
    private static CheckInDecision revokedKey(LicensingWrites writes, String clientId, ComputerIdentity identity,
            ClientContact contact, String reason, Instant now) {
        Computer revoked = writes.computersOfClient(clientId).stream()
                .filter(known -> known.state() == ComputerState.REVOKED)
                .findFirst()
                .orElseGet(() -> Computer.firstContact(identity, contact, now));
        return new CheckInDecision.Revoked(revoked, reason);
    }

    private static String sourceOf(ClientCredentials credentials) {
        return credentials.remoteAddress().isEmpty() ? "an unknown address" : credentials.remoteAddress();
    }

    CheckInDecision verify(LicensingWrites writes, ClientCredentials credentials, ClientRecord client,
            VerifyRequest request, String leaseId, Instant now) {
        ClientAuthentication.acceptSequence(writes, credentials, null, now);
        Computer known = computerOf(writes, credentials.clientId(), request.leaseId());
        if (known.state() == ComputerState.CONFLICT) {
            throw new ComputerHeldException(known.stateReason());
        }
        if (client.revoked() && known.state() != ComputerState.REVOKED) {
            return new CheckInDecision.Revoked(known, client.revokedReason());
        }
        UpdateProfile profile = known.profile().reachedAt(credentials.remoteAddress(), request.nudgePort())
                .withContentRevision(request.contentRevision());
        Computer computer = known.withCheckIn(request.recorderVersion(), request.verifyIntervalSeconds(), now)
                .withClientVersion(request.clientVersion())
                .withProfile(profile);
        // A lease is kept only by a client that can keep it, and only if its renew time still follows from the interval.
        String keepable = request.keepsCurrentLease() && known.verifyIntervalSeconds() == request.verifyIntervalSeconds()
                ? request.leaseId() : null;
        return settle(writes, computer, actorOf(credentials), leaseId, keepable, now);
    }

    /**
     * From a read: the decision of {@link #verify} when it would change nothing but the computer's last contact and
     * the client's sequence (a licensed computer keeping a lease that {@linkplain LeaseIssuer#stillGood stays good},
     * the same versions, interval, address and content revision, no update reports); empty when it would change
     * more, or when the read already shows the sequence used, the key revoked or the computer gone, which the write
     * then answers.
     */
    Optional<CheckInDecision.LeaseKept> contactOnly(LicensingReads reads, ClientCredentials credentials,
            VerifyRequest request, Instant now) {
        if (!mayKeepLease(request)) {
            return Optional.empty();
        }
        Optional<ClientHoldings> holdings = reads.clientHoldings(credentials.clientId());
        if (holdings.isEmpty()) {
            return Optional.empty();
        }
        ClientRecord client = holdings.get().client();
        if (client.revoked() || client.lastSequence() >= credentials.sequence()) {
            return Optional.empty();
        }
        Optional<Computer> found = holdings.get().computers().stream()
                .filter(computer -> computer.lease() != null && computer.lease().leaseId().equals(request.leaseId()))
                .findFirst();
        if (found.isEmpty() || found.get().state() != ComputerState.LICENSED) {
            return Optional.empty();
        }
        return leaseKept(found.get(), holdings.get().license(found.get().licenseSerial()), credentials, request, now);
    }

    /**
     * The same decision from what the {@link CheckInIndex} knows of the client: its licensed computer (as last read,
     * not revoked: a revocation drops the entry), the highest sequence it used, and {@code license}, the computer's
     * license as cached.
     */
    Optional<CheckInDecision.LeaseKept> contactOnly(CheckInIndex.Known known, Optional<License> license,
            ClientCredentials credentials, VerifyRequest request, Instant now) {
        Computer computer = known.computer();
        if (!mayKeepLease(request) || known.highestSequence() >= credentials.sequence()
                || !computer.lease().leaseId().equals(request.leaseId())) {
            return Optional.empty();
        }
        return leaseKept(computer, license, credentials, request, now);
    }

    private static boolean mayKeepLease(VerifyRequest request) {
        return request.keepsCurrentLease() && request.updates().isEmpty();
    }

    private Optional<CheckInDecision.LeaseKept> leaseKept(Computer known, Optional<License> license,
            ClientCredentials credentials, VerifyRequest request, Instant now) {
        Optional<License> active = license.filter(terms -> terms.activeAt(now));
        Computer checkedIn = known.withCheckIn(request.recorderVersion(), request.verifyIntervalSeconds(), now)
                .withClientVersion(request.clientVersion())
                .withProfile(known.profile().reachedAt(credentials.remoteAddress(), request.nudgePort())
                        .withContentRevision(request.contentRevision()));
        if (active.isEmpty() || !checkedIn.sameButLastContact(known)
                || !leases.stillGood(known, request.leaseId(), active.get(), now)) {
            return Optional.empty();
        }
        return Optional.of(new CheckInDecision.LeaseKept(checkedIn, request.leaseId(),
                verifyAfter(checkedIn, known.lease().expiresAt(), now)));
    }

    /** Records a report on every computer the client speaks for; returns them as saved. */
    List<Computer> report(LicensingWrites writes, ClientCredentials credentials, ReportRequest request, Instant now) {
        ClientAuthentication.acceptSequence(writes, credentials, null, now);
        List<Computer> computers = writes.computersOfClient(credentials.clientId()).stream()
                .filter(computer -> computer.state() != ComputerState.CONFLICT)
                .toList();
        if (computers.isEmpty()) {
            throw noComputer(credentials.clientId());
        }
        List<Computer> reported = new ArrayList<>(computers.size());
        for (Computer computer : computers) {
            UpdateProfile profile = computer.profile().reachedAt(credentials.remoteAddress(),
                    computer.profile().nudgePort());
            if (request.contentRevision() > 0) {
                profile = profile.withContentRevision(request.contentRevision());
            }
            Computer changed = computer.withReport(request.recorderVersion(), request.clientState(), now)
                    .withProfile(profile);
            writes.updateComputer(changed);
            reported.add(changed);
        }
        return reported;
    }

    /**
     * The record a registration lands on: the holder's own, or a reservation made for its name
     * without a domain (which any domain may claim).
     */
    private static Optional<Computer> holderFor(LicensingReads reads, ComputerIdentity identity) {
        Optional<Computer> exact = reads.computerByKey(identity.key());
        if (exact.isPresent() || identity.domain().isEmpty()) {
            return exact;
        }
        ComputerIdentity withoutDomain = new ComputerIdentity(identity.computerName(), "", identity.userName());
        return reads.computerByKey(withoutDomain.key())
                .filter(known -> known.state() == ComputerState.RESERVED && known.clientId() == null);
    }

    /** A known holder registering, perhaps with a new client (reinstalled): that client takes it over, seat and all. */
    private static Computer takeOver(LicensingWrites writes, Computer known, ComputerIdentity identity,
            ClientContact contact, String actor, Instant now) {
        if (known.clientId() != null && !known.clientId().equals(contact.clientId()) && known.holdsSeat()) {
            SeatPool.audit(writes, now, actor, AuditAction.SEAT_REUSED, known, "client " + contact.clientId()
                    + " (reinstalled) takes over the seat of " + known.licenseSerial() + " from client "
                    + known.clientId());
        }
        Computer renamed = known.identity().equals(identity) ? known : known.withIdentity(identity);
        return renamed.withContact(contact, now);
    }

    private static Computer computerOf(LicensingReads reads, String clientId, String leaseId) {
        List<Computer> computers = reads.computersOfClient(clientId);
        if (computers.size() == 1) {
            return computers.get(0);
        }
        if (computers.isEmpty()) {
            throw noComputer(clientId);
        }
        return computers.stream()
                .filter(computer -> computer.lease() != null && computer.lease().leaseId().equals(leaseId))
                .findFirst()
                .orElseThrow(() -> new UnknownClientException("client " + clientId + " speaks for "
                        + computers.size() + " computers and lease " + leaseId + " is none of theirs; register again"));
    }

    private static UnknownClientException noComputer(String clientId) {
        return new UnknownClientException("client " + clientId
                + " no longer speaks for any computer (another client took it over); register again");
    }

    /**
     * Decides {@code computer}'s seat and lease. {@code keepableLeaseId} is the lease the client holds and would keep
     * ({@code null}: it must get a new one); it is kept when it is the one the server last issued for this seat and
     * still {@linkplain LeaseIssuer#stillGood good}.
     */
    private CheckInDecision settle(LicensingWrites writes, Computer computer, String actor, String leaseId,
            String keepableLeaseId, Instant now) {
        Optional<License> license = Optional.empty();
        Computer settled;
        if (computer.holdsSeat()) {
            license = writes.license(computer.licenseSerial());
            settled = license.isPresent() && license.get().activeAt(now)
                    ? claim(writes, computer, actor, now)
                    : pool.moveOrQueue(writes, computer, license, actor, now);
        } else if (computer.state() == ComputerState.REVOKED) {
            settled = computer;
        } else {
            SeatPool.Seating seating = pool.seat(writes, computer, "", actor, now);
            settled = seating.computer();
            license = seating.license();
        }
        if (settled.state() == ComputerState.LICENSED) {
            String serial = settled.licenseSerial();
            License seatLicense = license.filter(known -> known.serial().equals(serial))
                    .or(() -> writes.license(serial))
                    .orElseThrow(() -> new IllegalStateException("seat of unknown license " + serial));
            if (keepableLeaseId != null && leases.stillGood(settled, keepableLeaseId, seatLicense, now)) {
                Computer saved = pool.save(writes, settled);
                return new CheckInDecision.LeaseKept(saved, keepableLeaseId,
                        verifyAfter(saved, saved.lease().expiresAt(), now));
            }
            return issue(writes, settled, seatLicense, leaseId, now);
        }
        Computer saved = pool.save(writes, settled);
        return saved.state() == ComputerState.REVOKED
                ? new CheckInDecision.Revoked(saved, saved.stateReason())
                : new CheckInDecision.Waiting(saved);
    }

    /** A reserved seat becomes the client's own at its first contact. */
    private static Computer claim(LicensingWrites writes, Computer computer, String actor, Instant now) {
        if (computer.state() != ComputerState.RESERVED) {
            return computer;
        }
        SeatPool.audit(writes, now, actor, AuditAction.SEAT_CLAIMED, computer,
                "reserved seat of " + computer.licenseSerial() + " claimed by client " + computer.clientId());
        return computer.licensed(computer.licenseSerial(), now);
    }

    private CheckInDecision issue(LicensingWrites writes, Computer computer, License license, String leaseId,
            Instant now) {
        LeasePayload terms = leases.terms(leaseId, computer, license, now);
        Computer saved = pool.save(writes, computer.withLease(LeaseIssuer.recordOf(terms)));
        return new CheckInDecision.Lease(saved, terms, verifyAfter(computer, terms.expiresAt(), now));
    }

    /**
     * When the client should check in next: its own interval, but never later than half-way to its lease's expiry,
     * so a server configured with leases shorter than the interval never lets a lease run out between check-ins.
     */
    static long verifyAfter(Computer computer, Instant leaseExpiresAt, Instant now) {
        long halfLease = Math.max(1, Duration.between(now, leaseExpiresAt).toSeconds() / 2);
        return Math.min(computer.verifyIntervalSeconds(), halfLease);
    }

    static String actorOf(ClientCredentials credentials) {
        return "client:" + credentials.clientId();
    }
}
