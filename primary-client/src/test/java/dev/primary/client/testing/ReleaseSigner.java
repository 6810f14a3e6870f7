package dev.primary.client.testing;

import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.crypto.Sha256;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.ContentDirective;
import dev.primary.protocol.release.ContentManifest;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.ReleaseManifest;
import dev.primary.protocol.release.UpdateDirective;
import java.time.Instant;

/** Plays the vendor's release signing: a release key, signed manifests and the directives that carry them. */
public final class ReleaseSigner {
    public static final Instant SIGNED_AT = Instant.parse("2026-11-20T09:00:00Z");

    private final SigningKey key = Ed25519.generate();

    public PublicKey publicKey() {
        return key.publicKey();
    }

    /** A manifest for {@code bytes} as the package of {@code product} at {@code version}. */
    public static ReleaseManifest manifest(Product product, Version version, String fileName, byte[] bytes) {
        return new ReleaseManifest(product, version, fileName, bytes.length, Sha256.hex(bytes), Version.NONE,
                "release " + version.display(), SIGNED_AT, false);
    }

    public SignedDocument sign(ReleaseManifest manifest) {
        return SignedDocument.sign(SignedDocument.RELEASE, Json.write(manifest), key);
    }

    public SignedDocument sign(ContentManifest manifest) {
        return SignedDocument.sign(SignedDocument.CONTENT, Json.write(manifest), key);
    }

    /** The directive for {@code manifest}, signed by this key, to download from {@code /v1/packages/<sha256>}. */
    public UpdateDirective directive(ReleaseManifest manifest, long rolloutId) {
        return new UpdateDirective(sign(manifest), downloadPath(manifest.sha256()), rolloutId);
    }

    public ContentDirective contentDirective(long revision, String fileName, byte[] bytes) {
        ContentManifest manifest = new ContentManifest(revision, fileName, bytes.length, Sha256.hex(bytes),
                "content " + revision, SIGNED_AT);
        return new ContentDirective(sign(manifest), downloadPath(manifest.sha256()));
    }

    public static String downloadPath(String sha256) {
        return "/v1/packages/" + sha256;
    }
}
