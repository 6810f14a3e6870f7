package dev.primary.server.testing;

import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.release.ContentManifest;
import dev.primary.protocol.release.ReleaseManifest;

/** A release-signing key, as the vendor's license tool holds it: signs release and content manifests. */
public final class TestReleaseKey {
    private final SigningKey key = Ed25519.generate();

    public PublicKey publicKey() {
        return key.publicKey();
    }

    public SignedDocument sign(ReleaseManifest manifest) {
        return SignedDocument.sign(SignedDocument.RELEASE, Json.write(manifest), key);
    }

    public SignedDocument sign(ContentManifest manifest) {
        return SignedDocument.sign(SignedDocument.CONTENT, Json.write(manifest), key);
    }
}
