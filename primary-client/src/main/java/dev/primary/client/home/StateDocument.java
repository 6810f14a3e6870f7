package dev.primary.client.home;

import dev.primary.client.service.ClientState;
import dev.primary.client.service.ClientStatus;
import dev.primary.protocol.message.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * The JSON form of {@link ClientStatus} in {@code state.json} (and {@code client-service status --json}):
 * the state by its lower-case name, absent times left out.
 */
public record StateDocument(String state, String reason, String server, String clientId, String computer,
        Instant lastAttempt, Instant lastSuccessfulContact, Instant unreachableSince, Instant nextContact,
        Instant leaseExpiresAt, boolean recorderRunning, Version recorderVersion, Instant highestTimeSeen,
        long lastSequence) {
    public StateDocument {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(computer, "computer");
        Objects.requireNonNull(recorderVersion, "recorderVersion");
    }

    public static StateDocument of(ClientStatus status) {
        return new StateDocument(status.state().wireName(), status.reason(), status.server(), status.clientId(),
                status.computer(), status.lastAttempt(), status.lastSuccessfulContact(), status.unreachableSince(),
                status.nextContact(), status.leaseExpiresAt(), status.recorderRunning(), status.recorderVersion(),
                status.highestTimeSeen(), status.lastSequence());
    }

    public ClientStatus toStatus() {
        return new ClientStatus(ClientState.fromWireName(state), reason, server, clientId, computer, lastAttempt,
                lastSuccessfulContact, unreachableSince, nextContact, leaseExpiresAt, recorderRunning, recorderVersion,
                highestTimeSeen, lastSequence);
    }
}
