package dev.primary.server.testing;

import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.LicensePayload;
import dev.primary.protocol.message.UnlockPayload;
import java.time.Instant;
import java.util.List;

/** A vendor that signs license and unlock files, as the license tool does. */
public final class TestVendor {
    private final SigningKey key = Ed25519.generate();

    public PublicKey publicKey() {
        return key.publicKey();
    }

    public SignedDocument license(String serial, int seats, Instant issuedAt, Instant expiresAt) {
        LicensePayload terms = new LicensePayload(serial, "Example Corp", seats, issuedAt, expiresAt,
                List.of("recorder"));
        return SignedDocument.sign(SignedDocument.LICENSE, Json.write(terms), key);
    }

    /** Signs any bytes as a document of {@code kind}, to test what the server does with bad content. */
    public SignedDocument signed(String kind, byte[] payload) {
        return SignedDocument.sign(kind, payload, key);
    }

    public SignedDocument unlock(String serial, String registrationCode, Instant issuedAt) {
        return SignedDocument.sign(SignedDocument.UNLOCK,
                Json.write(new UnlockPayload(serial, registrationCode, issuedAt)), key);
    }
}
