package dev.primary.server.licensing;

import dev.primary.protocol.crypto.PublicKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A client the server knows: its key, and the last request sequence accepted from it. Kept even
 * after another client takes over its computer, so its old requests cannot be replayed.
 */
public record ClientRecord(String clientId, PublicKey publicKey, long lastSequence, Instant firstSeen) {
    public ClientRecord {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(firstSeen, "firstSeen");
    }
}
