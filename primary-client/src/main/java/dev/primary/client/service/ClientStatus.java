package dev.primary.client.service;

import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.UpdateReport;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a Client Service knows about itself, kept in {@code <home>/state.json} and shown by
 * {@code client-service status}. Absent times are {@code null} here and left out of the file.
 *
 * @param state where the client stands
 * @param reason why, as a sentence an administrator understands
 * @param server the Primary Server's {@code host:port}
 * @param clientId this client's id (the key id of its key)
 * @param computer the seat holder it registers as ({@code DOMAIN\NAME})
 * @param lastAttempt the last time it tried to contact the server
 * @param lastSuccessfulContact the last time the server answered a check-in
 * @param unreachableSince since when contact has failed, while it fails
 * @param nextContact when it will contact the server next; absent while the service is stopped
 * @param leaseExpiresAt when its lease expires (or expired)
 * @param recorderRunning whether the Recorder runs now
 * @param recorderVersion the version of the running Recorder, {@link Version#NONE} when none runs
 * @param highestTimeSeen the latest time this client has seen; lease expiry is judged against it
 * @param lastSequence the last request sequence number used
 * @param installedRecorder the version of the Recorder installed (the configured one or an installed release), running
 *     or not
 * @param contentRevision the content revision applied; 0 = none
 * @param updates where the updates the server asked for stand (until the server acknowledges them)
 */
public record ClientStatus(ClientState state, String reason, String server, String clientId, String computer,
        Instant lastAttempt, Instant lastSuccessfulContact, Instant unreachableSince, Instant nextContact,
        Instant leaseExpiresAt, boolean recorderRunning, Version recorderVersion, Instant highestTimeSeen,
        long lastSequence, Version installedRecorder, long contentRevision, List<UpdateReport> updates) {
    public ClientStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(computer, "computer");
        Objects.requireNonNull(recorderVersion, "recorderVersion");
        installedRecorder = installedRecorder == null ? recorderVersion : installedRecorder;
        updates = updates == null ? List.of() : List.copyOf(updates);
        if (lastSequence < 0) {
            throw new IllegalArgumentException("lastSequence cannot be negative, got " + lastSequence);
        }
        if (contentRevision < 0) {
            throw new IllegalArgumentException("contentRevision cannot be negative, got " + contentRevision);
        }
    }

    /** A status without update information (the installed Recorder is the running one). */
    public ClientStatus(ClientState state, String reason, String server, String clientId, String computer,
            Instant lastAttempt, Instant lastSuccessfulContact, Instant unreachableSince, Instant nextContact,
            Instant leaseExpiresAt, boolean recorderRunning, Version recorderVersion, Instant highestTimeSeen,
            long lastSequence) {
        this(state, reason, server, clientId, computer, lastAttempt, lastSuccessfulContact, unreachableSince,
                nextContact, leaseExpiresAt, recorderRunning, recorderVersion, highestTimeSeen, lastSequence,
                recorderVersion, 0, List.of());
    }

    /** This status with another latest time seen. */
    public ClientStatus withHighestTimeSeen(Instant time) {
        return new ClientStatus(state, reason, server, clientId, computer, lastAttempt, lastSuccessfulContact,
                unreachableSince, nextContact, leaseExpiresAt, recorderRunning, recorderVersion, time, lastSequence,
                installedRecorder, contentRevision, updates);
    }

    /** This status with another last sequence. */
    public ClientStatus withLastSequence(long sequence) {
        return new ClientStatus(state, reason, server, clientId, computer, lastAttempt, lastSuccessfulContact,
                unreachableSince, nextContact, leaseExpiresAt, recorderRunning, recorderVersion, highestTimeSeen,
                sequence, installedRecorder, contentRevision, updates);
    }
}
