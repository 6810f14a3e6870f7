package dev.primary.server.store.postgres;

import java.util.Objects;

/**
 * The public identity every server of one fleet shares, as the database records it: nothing secret, so a copy of the
 * database yields no key.
 *
 * @param installationId the installation id
 * @param signingKey the lease-signing public key, encoded as clients pin it
 * @param tlsPin the TLS key pin
 * @param ticketSecretId a fingerprint of the session-ticket secret (not the secret)
 */
public record FleetIdentityRow(String installationId, String signingKey, String tlsPin, String ticketSecretId) {
    public FleetIdentityRow {
        Objects.requireNonNull(installationId, "installationId");
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(tlsPin, "tlsPin");
        Objects.requireNonNull(ticketSecretId, "ticketSecretId");
    }
}
