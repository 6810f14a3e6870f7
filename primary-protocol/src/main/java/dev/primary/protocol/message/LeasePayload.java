package dev.primary.protocol.message;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a lease grants, signed by the server's key (a {@link dev.primary.protocol.crypto.SignedDocument}
 * of kind {@code lease}). The client keeps it on disk and checks it offline, so a restart needs no server.
 *
 * @param leaseId unique id of this lease
 * @param serverId the issuing server installation
 * @param clientId the client it was issued to (key id of the client's key)
 * @param computer the seat holder
 * @param licenseSerial the license the seat belongs to
 * @param features licensed features
 * @param issuedAt when it was issued
 * @param renewAfter when the client should renew it
 * @param expiresAt after this instant the client must stop its Recorder
 */
public record LeasePayload(String leaseId, String serverId, String clientId, ComputerIdentity computer,
        String licenseSerial, List<String> features, Instant issuedAt, Instant renewAfter, Instant expiresAt) {
    public LeasePayload {
        Objects.requireNonNull(leaseId, "leaseId");
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(computer, "computer");
        Objects.requireNonNull(licenseSerial, "licenseSerial");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(renewAfter, "renewAfter");
        Objects.requireNonNull(expiresAt, "expiresAt");
        features = features == null ? List.of() : List.copyOf(features);
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a lease must expire after it is issued");
        }
    }

    public boolean validAt(Instant now) {
        return !now.isBefore(issuedAt.minusSeconds(300)) && now.isBefore(expiresAt);
    }
}
