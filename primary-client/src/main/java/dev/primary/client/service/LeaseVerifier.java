package dev.primary.client.service;

import dev.primary.protocol.crypto.DocumentSignatureInvalidException;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.json.MalformedJsonException;
import dev.primary.protocol.message.LeasePayload;
import java.util.Objects;

/**
 * Checks a lease offline: a {@link SignedDocument} of kind {@code lease}, signed by the pinned
 * server key, issued to this client. Expiry is the caller's check, against trusted time.
 */
public final class LeaseVerifier {
    private final PublicKey serverKey;
    private final String clientId;

    public LeaseVerifier(PublicKey serverKey, String clientId) {
        this.serverKey = Objects.requireNonNull(serverKey, "serverKey");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
    }

    /** Returns the lease when it is genuine and ours; otherwise throws saying why not. */
    public HeldLease verify(SignedDocument document) throws LeaseRejectedException {
        byte[] payloadBytes;
        try {
            payloadBytes = document.verifiedPayload(SignedDocument.LEASE, serverKey);
        } catch (DocumentSignatureInvalidException e) {
            throw new LeaseRejectedException(e.getMessage());
        }
        LeasePayload payload;
        try {
            payload = Json.read(payloadBytes, LeasePayload.class);
        } catch (MalformedJsonException e) {
            throw new LeaseRejectedException("lease payload is not a lease: " + e.getMessage());
        }
        if (!clientId.equals(payload.clientId())) {
            throw new LeaseRejectedException("lease " + payload.leaseId() + " was issued to client "
                    + payload.clientId() + ", not to this client " + clientId);
        }
        return new HeldLease(document, payload);
    }
}
