package dev.primary.server.release;

import dev.primary.protocol.admin.ContentView;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.release.ContentManifest;
import java.time.Instant;
import java.util.Objects;

/** A content update ("signature file") added to this server, with the signed document it came in. */
public record ContentUpdate(ContentManifest manifest, SignedDocument document, Instant addedAt) {
    public ContentUpdate {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(addedAt, "addedAt");
    }

    /** A content update as the store kept it; its document was verified when it was added. */
    public static ContentUpdate stored(SignedDocument document, Instant addedAt) {
        return new ContentUpdate(Json.read(document.unverifiedPayload(), ContentManifest.class), document, addedAt);
    }

    public long revision() {
        return manifest.revision();
    }

    public String sha256() {
        return manifest.sha256();
    }

    /** How the audit trail names it: {@code content 7}. */
    public String subject() {
        return "content " + revision();
    }

    public ContentView view(long computersApplied) {
        return new ContentView(revision(), manifest.fileName(), manifest.size(), sha256(), manifest.notes(),
                document.keyId(), addedAt, computersApplied);
    }
}
