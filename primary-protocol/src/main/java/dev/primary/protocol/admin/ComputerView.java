package dev.primary.protocol.admin;

import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One row of Manage Computers.
 *
 * @param computer the seat holder (name, domain, user)
 * @param clientId the client's key id; absent for a reservation no client has claimed
 * @param os the operating system the client reported
 * @param clientVersion the Client Service's version
 * @param recorderVersion the running Recorder's version ({@link Version#NONE} while not running)
 * @param recorder the Recorder column, e.g. {@code V 0.0 (0000)}
 * @param state where the computer stands
 * @param reason why it is in that state, in words an administrator can act on
 * @param licenseSerial the license of its seat; absent when it holds none
 * @param firstSeen when its client first registered; absent for a reservation
 * @param lastContact its last check-in; absent if never
 * @param nextExpectedContact when its next check-in is due; absent if none is expected
 * @param leaseExpiresAt when its current lease expires; absent without a lease
 * @param group the group it belongs to, for rollouts; empty for none
 * @param updates where it stands with each product's update (target version, state, reason)
 * @param contentRevision the content revision ("signature file") it has applied; 0 for none
 */
public record ComputerView(ComputerIdentity computer, String clientId, String os, Version clientVersion,
        Version recorderVersion, String recorder, ComputerState state, String reason, String licenseSerial,
        Instant firstSeen, Instant lastContact, Instant nextExpectedContact, Instant leaseExpiresAt, String group,
        List<UpdateView> updates, long contentRevision) {
    public ComputerView(ComputerIdentity computer, String clientId, String os, Version clientVersion,
            Version recorderVersion, String recorder, ComputerState state, String reason, String licenseSerial,
            Instant firstSeen, Instant lastContact, Instant nextExpectedContact, Instant leaseExpiresAt) {
        this(computer, clientId, os, clientVersion, recorderVersion, recorder, state, reason, licenseSerial, firstSeen,
                lastContact, nextExpectedContact, leaseExpiresAt, "", List.of(), 0);
    }

    public ComputerView {
        group = group == null ? "" : group;
        updates = updates == null ? List.of() : List.copyOf(updates);
        Objects.requireNonNull(computer, "computer");
        Objects.requireNonNull(recorderVersion, "recorderVersion");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        recorder = recorderVersion.display();
        os = os == null ? "" : os;
    }
}
