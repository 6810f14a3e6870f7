package dev.primary.server.licensing;

import dev.primary.protocol.crypto.PublicKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A client the server knows: its key, the last request sequence accepted from it, and whether the key is
 * revoked. Kept even after another client takes over its computer, so its old requests cannot be replayed.
 *
 * @param revokedReason why an administrator revoked this key (it then gets no seat under any name); empty
 *     unless revoked
 */
public record ClientRecord(String clientId, PublicKey publicKey, long lastSequence, Instant firstSeen,
        String revokedReason) {
    public ClientRecord(String clientId, PublicKey publicKey, long lastSequence, Instant firstSeen) {
        this(clientId, publicKey, lastSequence, firstSeen, "");
    }

    public ClientRecord {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(firstSeen, "firstSeen");
        revokedReason = Objects.requireNonNullElse(revokedReason, "");
    }

    public boolean revoked() {
        return !revokedReason.isEmpty();
    }
}
