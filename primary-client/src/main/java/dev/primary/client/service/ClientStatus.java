package dev.primary.client.service;

import dev.primary.protocol.message.Version;
import java.time.Instant;
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
 */
public record ClientStatus(ClientState state, String reason, String server, String clientId, String computer,
        Instant lastAttempt, Instant lastSuccessfulContact, Instant unreachableSince, Instant nextContact,
        Instant leaseExpiresAt, boolean recorderRunning, Version recorderVersion, Instant highestTimeSeen,
        long lastSequence) {
    public ClientStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(computer, "computer");
        Objects.requireNonNull(recorderVersion, "recorderVersion");
        if (lastSequence < 0) {
            throw new IllegalArgumentException("lastSequence cannot be negative, got " + lastSequence);
        }
    }
}
