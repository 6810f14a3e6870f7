package dev.primary.server.computer;

import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A seat holder as the server keeps it: a computer (or one user on a multi-user host), the client
 * that speaks for it, and where it stands. {@link ComputerState#EXPIRED} is never stored: it is a
 * {@link ComputerState#LICENSED} computer whose lease ran out, see {@link #displayedState}.
 *
 * @param id the store's id; 0 until first saved
 * @param identity name, domain and user
 * @param clientId the client's key id; {@code null} for a reservation no client has claimed
 * @param os the operating system the client reported
 * @param clientVersion the Client Service's version; {@code null} before any client contact
 * @param recorderVersion the Recorder version the client last reported
 * @param clientState the state the client last reported ({@code ""} if none)
 * @param state the stored state (never EXPIRED)
 * @param stateReason what caused the state, in words (administrator's reason, expired license...)
 * @param stateSince when it entered its state
 * @param licenseSerial the license of its seat; {@code null} unless it {@link #holdsSeat()}
 * @param waitingSince when it joined the queue for a seat; {@code null} unless WAITING
 * @param lease the lease last issued; {@code null} if none was issued for its current seat
 * @param verifyIntervalSeconds how often its client checks in
 * @param firstSeen when its client first registered; {@code null} for a reservation
 * @param lastContact its last request; {@code null} if never
 * @param profile its rollout group, applied content revision and nudge address
 */
public record Computer(long id, ComputerIdentity identity, String clientId, String os, Version clientVersion,
        Version recorderVersion, String clientState, ComputerState state, String stateReason, Instant stateSince,
        String licenseSerial, Instant waitingSince, IssuedLease lease, long verifyIntervalSeconds,
        Instant firstSeen, Instant lastContact, UpdateProfile profile) {
    /** The check-in interval assumed before a client has said its own: four hours, as the product we follow. */
    public static final long DEFAULT_VERIFY_INTERVAL_SECONDS = 4 * 3600;

    public Computer {
        profile = profile == null ? UpdateProfile.NONE : profile;
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(recorderVersion, "recorderVersion");
        Objects.requireNonNull(clientState, "clientState");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stateReason, "stateReason");
        Objects.requireNonNull(stateSince, "stateSince");
        if (state == ComputerState.EXPIRED) {
            throw new IllegalArgumentException("EXPIRED is derived from the lease, never stored");
        }
        if (state.holdsSeat() != (licenseSerial != null)) {
            throw new IllegalArgumentException("a " + state.wireName() + " computer "
                    + (state.holdsSeat() ? "needs" : "cannot have") + " a license serial");
        }
        if ((state == ComputerState.WAITING) != (waitingSince != null)) {
            throw new IllegalArgumentException("waitingSince is set exactly for waiting computers");
        }
    }

    /** A client's first registration for a holder the server does not know yet; its state is decided next. */
    public static Computer firstContact(ComputerIdentity identity, ClientContact contact, Instant now) {
        return new Computer(0, identity, contact.clientId(), contact.os(), contact.clientVersion(),
                contact.recorderVersion(), "", ComputerState.RELEASED, "", now, null, null, null,
                contact.verifyIntervalSeconds(), now, now, UpdateProfile.NONE);
    }

    /** A seat an administrator reserves for a holder whose client is not installed yet. */
    public static Computer reservation(ComputerIdentity identity, String licenseSerial, String reason, Instant now) {
        return new Computer(0, identity, null, "", null, Version.NONE, "", ComputerState.RESERVED, reason, now,
                licenseSerial, null, null, DEFAULT_VERIFY_INTERVAL_SECONDS, null, null, UpdateProfile.NONE);
    }

    /**
     * A client key's claim to a computer another key holds: kept as its own row, with no seat, so Manage
     * Computers shows it and an administrator can resolve it. Its store key is {@link #conflictKey}.
     */
    public static Computer conflict(ComputerIdentity identity, ClientContact contact, String reason, Instant now) {
        return new Computer(0, identity, contact.clientId(), contact.os(), contact.clientVersion(),
                contact.recorderVersion(), "", ComputerState.CONFLICT, reason, now, null, null, null,
                contact.verifyIntervalSeconds(), now, now, UpdateProfile.NONE);
    }

    /**
     * The key a store finds a conflict under: the holder's key plus {@code #} and the claiming client's id
     * ({@code #} cannot occur in a computer, domain or user name), so claims never collide with the holder.
     */
    public static String conflictKey(ComputerIdentity identity, String clientId) {
        return identity.key() + "#" + clientId;
    }

    /** The unique key a store keeps this computer under: its identity's key, or {@link #conflictKey} for a conflict. */
    public String holderKey() {
        return state == ComputerState.CONFLICT ? conflictKey(identity, clientId) : identity.key();
    }

    /** A conflict's renewed claim: what the client says now, and the holder as it stands now. */
    public Computer withConflictReason(String reason, Instant now) {
        return new Computer(id, identity, clientId, os, clientVersion, recorderVersion, clientState, state, reason,
                stateSince, licenseSerial, waitingSince, lease, verifyIntervalSeconds, firstSeen, now, profile);
    }

    public boolean saved() {
        return id != 0;
    }

    public boolean holdsSeat() {
        return state.holdsSeat();
    }

    public Optional<String> client() {
        return Optional.ofNullable(clientId);
    }

    public Optional<IssuedLease> issuedLease() {
        return Optional.ofNullable(lease);
    }

    /** What Manage Computers shows: a licensed computer whose lease ran out is {@link ComputerState#EXPIRED}. */
    public ComputerState displayedState(Instant now) {
        if (state == ComputerState.LICENSED && lease != null && !lease.validAt(now)) {
            return ComputerState.EXPIRED;
        }
        return state;
    }

    /** Whether it holds a seat and a lease valid at {@code now}. */
    public boolean licensedAt(Instant now) {
        return state == ComputerState.LICENSED && lease != null && lease.validAt(now);
    }

    public Computer withId(long newId) {
        return new Computer(newId, identity, clientId, os, clientVersion, recorderVersion, clientState, state,
                stateReason, stateSince, licenseSerial, waitingSince, lease, verifyIntervalSeconds, firstSeen,
                lastContact, profile);
    }

    /** Whether {@code other} is this computer but for its last contact. */
    public boolean sameButLastContact(Computer other) {
        return new Computer(id, identity, clientId, os, clientVersion, recorderVersion, clientState, state,
                stateReason, stateSince, licenseSerial, waitingSince, lease, verifyIntervalSeconds, firstSeen,
                other.lastContact, profile).equals(other);
    }

    public Computer withIdentity(ComputerIdentity newIdentity) {
        return new Computer(id, newIdentity, clientId, os, clientVersion, recorderVersion, clientState, state,
                stateReason, stateSince, licenseSerial, waitingSince, lease, verifyIntervalSeconds, firstSeen,
                lastContact, profile);
    }

    /** A (re-)registration: the client that now speaks for this computer, and what it says about itself. */
    public Computer withContact(ClientContact contact, Instant now) {
        return new Computer(id, identity, contact.clientId(), contact.os(), contact.clientVersion(),
                contact.recorderVersion(), clientState, state, stateReason, stateSince, licenseSerial, waitingSince,
                lease, contact.verifyIntervalSeconds(), firstSeen == null ? now : firstSeen, now, profile);
    }

    /** A periodic check-in. */
    public Computer withCheckIn(Version newRecorderVersion, long newVerifyIntervalSeconds, Instant now) {
        return new Computer(id, identity, clientId, os, clientVersion, newRecorderVersion, clientState, state,
                stateReason, stateSince, licenseSerial, waitingSince, lease, newVerifyIntervalSeconds, firstSeen, now,
                profile);
    }

    /** A state report (Recorder started or stopped). */
    public Computer withReport(Version newRecorderVersion, String newClientState, Instant now) {
        return new Computer(id, identity, clientId, os, clientVersion, newRecorderVersion, newClientState, state,
                stateReason, stateSince, licenseSerial, waitingSince, lease, verifyIntervalSeconds, firstSeen, now,
                profile);
    }

    /** Holds a seat of {@code serial}; the lease for it is issued at the client's next contact. */
    public Computer licensed(String serial, Instant now) {
        return new Computer(id, identity, clientId, os, clientVersion, recorderVersion, clientState,
                ComputerState.LICENSED, "", sinceIfChanged(ComputerState.LICENSED, now), serial, null, null,
                verifyIntervalSeconds, firstSeen, lastContact, profile);
    }

    /** Holds a seat of {@code serial} reserved by an administrator. */
    public Computer reserved(String serial, String reason, Instant now) {
        return new Computer(id, identity, clientId, os, clientVersion, recorderVersion, clientState,
                ComputerState.RESERVED, reason, sinceIfChanged(ComputerState.RESERVED, now), serial, null, lease,
                verifyIntervalSeconds, firstSeen, lastContact, profile);
    }

    /** Queued for a seat; keeps its place if it already waits. */
    public Computer waiting(String cause, Instant now) {
        Instant since = state == ComputerState.WAITING ? waitingSince : now;
        return new Computer(id, identity, clientId, os, clientVersion, recorderVersion, clientState,
                ComputerState.WAITING, cause, sinceIfChanged(ComputerState.WAITING, now), null, since, lease,
                verifyIntervalSeconds, firstSeen, lastContact, profile);
    }

    /** Revoked, released or reclaimed: no seat, no place in the queue. */
    public Computer withoutSeat(ComputerState newState, String reason, Instant now) {
        if (newState.holdsSeat() || newState == ComputerState.WAITING) {
            throw new IllegalArgumentException(newState.wireName() + " is not a state without a seat");
        }
        return new Computer(id, identity, clientId, os, clientVersion, recorderVersion, clientState, newState,
                reason, now, null, null, lease, verifyIntervalSeconds, firstSeen, lastContact, profile);
    }

    public Computer withLease(IssuedLease newLease) {
        return new Computer(id, identity, clientId, os, clientVersion, recorderVersion, clientState, state,
                stateReason, stateSince, licenseSerial, waitingSince, newLease, verifyIntervalSeconds, firstSeen,
                lastContact, profile);
    }

    /** The Client Service version the client reports; {@code null} (an older client that does not say) keeps the last. */
    public Computer withClientVersion(Version newClientVersion) {
        if (newClientVersion == null || newClientVersion.equals(clientVersion)) {
            return this;
        }
        return new Computer(id, identity, clientId, os, newClientVersion, recorderVersion, clientState, state,
                stateReason, stateSince, licenseSerial, waitingSince, lease, verifyIntervalSeconds, firstSeen,
                lastContact, profile);
    }

    public Computer withProfile(UpdateProfile newProfile) {
        return new Computer(id, identity, clientId, os, clientVersion, recorderVersion, clientState, state,
                stateReason, stateSince, licenseSerial, waitingSince, lease, verifyIntervalSeconds, firstSeen,
                lastContact, newProfile);
    }

    private Instant sinceIfChanged(ComputerState newState, Instant now) {
        return state == newState ? stateSince : now;
    }
}
