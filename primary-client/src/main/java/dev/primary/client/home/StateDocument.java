package dev.primary.client.home;

import dev.primary.client.service.ClientState;
import dev.primary.client.service.ClientStatus;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.UpdateReport;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The JSON form of {@link ClientStatus} in {@code state.json} (and {@code client-service status --json}):
 * the state by its lower-case name, absent times left out. Files written before updates existed lack
 * {@code installedRecorder}, {@code contentRevision} and {@code updates}; they read as the running version, 0 and none.
 */
public record StateDocument(String state, String reason, String server, String clientId, String computer,
        Instant lastAttempt, Instant lastSuccessfulContact, Instant unreachableSince, Instant nextContact,
        Instant leaseExpiresAt, boolean recorderRunning, Version recorderVersion, Instant highestTimeSeen,
        long lastSequence, Version installedRecorder, Long contentRevision, List<UpdateReport> updates) {
    public StateDocument {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(computer, "computer");
        Objects.requireNonNull(recorderVersion, "recorderVersion");
        installedRecorder = installedRecorder == null ? recorderVersion : installedRecorder;
        contentRevision = contentRevision == null ? 0L : contentRevision;
        updates = updates == null ? List.of() : List.copyOf(updates);
    }

    public static StateDocument of(ClientStatus status) {
        return new StateDocument(status.state().wireName(), status.reason(), status.server(), status.clientId(),
                status.computer(), status.lastAttempt(), status.lastSuccessfulContact(), status.unreachableSince(),
                status.nextContact(), status.leaseExpiresAt(), status.recorderRunning(), status.recorderVersion(),
                status.highestTimeSeen(), status.lastSequence(), status.installedRecorder(), status.contentRevision(),
                status.updates());
    }

    public ClientStatus toStatus() {
        return new ClientStatus(ClientState.fromWireName(state), reason, server, clientId, computer, lastAttempt,
                lastSuccessfulContact, unreachableSince, nextContact, leaseExpiresAt, recorderRunning, recorderVersion,
                highestTimeSeen, lastSequence, installedRecorder, contentRevision, updates);
    }
}
