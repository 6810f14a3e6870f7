package dev.primary.client.testing;

import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.LeasePayload;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Plays the server's lease signing: a server key and leases signed with it. */
public final class LeaseMaker {
    private final SigningKey serverKey;
    private final String serverId;

    public LeaseMaker() {
        this(Ed25519.generate(), "server-" + UUID.randomUUID());
    }

    public LeaseMaker(SigningKey serverKey, String serverId) {
        this.serverKey = serverKey;
        this.serverId = serverId;
    }

    public PublicKey publicKey() {
        return serverKey.publicKey();
    }

    public SigningKey signingKey() {
        return serverKey;
    }

    public String serverId() {
        return serverId;
    }

    public SignedDocument lease(String clientId, Instant issuedAt, Duration validity) {
        return SignedDocument.sign(SignedDocument.LEASE, Json.write(payload(clientId, issuedAt, validity)), serverKey);
    }

    public LeasePayload payload(String clientId, Instant issuedAt, Duration validity) {
        return new LeasePayload("lease-" + UUID.randomUUID(), serverId, clientId, ComputerIdentity.computer("PC1", "CORP"),
                "SERIAL-1", List.of("record"), issuedAt, issuedAt.plus(Duration.ofHours(4)), issuedAt.plus(validity));
    }
}
