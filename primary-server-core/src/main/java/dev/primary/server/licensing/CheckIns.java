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

    CheckIns(SeatPool pool, LeaseIssuer leases) {
        this.pool = pool;
        this.leases = leases;
    }

    CheckInDecision register(LicensingWrites writes, ClientCredentials credentials, PublicKey key,
            RegisterRequest request, String leaseId, Instant now) {
        ClientAuthentication.acceptSequence(writes, credentials, key, now);
        String actor = actorOf(credentials);
        ClientContact contact = new ClientContact(credentials.clientId(), request.os(), request.clientVersion(),
                request.recorderVersion(), request.verifyIntervalSeconds());
        ComputerIdentity identity = request.computer();
        Computer computer = holderFor(writes, identity)
                .map(known -> takeOver(writes, known, identity, contact, actor, now))
                .orElseGet(() -> Computer.firstContact(identity, contact, now));
        UpdateProfile profile = computer.profile().reachedAt(credentials.remoteAddress(), request.nudgePort());
        return settle(writes, computer.withProfile(profile), actor, leaseId, now);
    }

    CheckInDecision verify(LicensingWrites writes, ClientCredentials credentials, VerifyRequest request,
            String leaseId, Instant now) {
        ClientAuthentication.acceptSequence(writes, credentials, null, now);
        Computer known = computerOf(writes, credentials.clientId(), request.leaseId());
        UpdateProfile profile = known.profile().reachedAt(credentials.remoteAddress(), request.nudgePort())
                .withContentRevision(request.contentRevision());
        Computer computer = known.withCheckIn(request.recorderVersion(), request.verifyIntervalSeconds(), now)
                .withClientVersion(request.clientVersion())
                .withProfile(profile);
        return settle(writes, computer, actorOf(credentials), leaseId, now);
    }

    /** Records a report on every computer the client speaks for; returns them as saved. */
    List<Computer> report(LicensingWrites writes, ClientCredentials credentials, ReportRequest request, Instant now) {
        ClientAuthentication.acceptSequence(writes, credentials, null, now);
        List<Computer> computers = writes.computersOfClient(credentials.clientId());
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

    private CheckInDecision settle(LicensingWrites writes, Computer computer, String actor, String leaseId,
            Instant now) {
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
            settled = pool.seatOrQueue(writes, computer, "", actor, now);
        }
        if (settled.state() == ComputerState.LICENSED) {
            String serial = settled.licenseSerial();
            License seatLicense = license.filter(known -> known.serial().equals(serial))
                    .or(() -> writes.license(serial))
                    .orElseThrow(() -> new IllegalStateException("seat of unknown license " + serial));
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
        return new CheckInDecision.Lease(saved, terms, computer.verifyIntervalSeconds());
    }

    static String actorOf(ClientCredentials credentials) {
        return "client:" + credentials.clientId();
    }
}
