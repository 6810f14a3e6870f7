package dev.primary.server.release;

import dev.primary.protocol.admin.ReleaseView;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.ReleaseManifest;
import java.time.Instant;
import java.util.Objects;

/**
 * A release added to this server: its manifest, the signed document it came in (handed to clients
 * unchanged, so they verify the vendor's signature themselves), and when it was added.
 */
public record Release(ReleaseManifest manifest, SignedDocument document, Instant addedAt) {
    public Release {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(addedAt, "addedAt");
    }

    /** A release as the store kept it; its document was verified when it was added. */
    public static Release stored(SignedDocument document, Instant addedAt) {
        return new Release(Json.read(document.unverifiedPayload(), ReleaseManifest.class), document, addedAt);
    }

    public Product product() {
        return manifest.product();
    }

    public Version version() {
        return manifest.version();
    }

    public String sha256() {
        return manifest.sha256();
    }

    /** Key id of the release key that signed it. */
    public String signedBy() {
        return document.keyId();
    }

    /** How the audit trail and messages name it: {@code recorder V 1.2 (0345)}. */
    public String subject() {
        return nameOf(product(), version());
    }

    static String nameOf(Product product, Version version) {
        return product.wireName() + " " + version.display();
    }

    public ReleaseView view(long computersRunning) {
        return new ReleaseView(product(), version(), manifest.fileName(), manifest.size(), sha256(),
                manifest.minimumClientVersion(), manifest.notes(), signedBy(), manifest.createdAt(), addedAt,
                computersRunning, manifest.downgrade());
    }
}
