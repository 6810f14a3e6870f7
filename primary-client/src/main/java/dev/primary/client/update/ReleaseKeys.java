package dev.primary.client.update;

import dev.primary.protocol.crypto.DocumentSignatureInvalidException;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.json.MalformedJsonException;
import dev.primary.protocol.release.ContentManifest;
import dev.primary.protocol.release.ReleaseManifest;
import java.util.List;
import java.util.Optional;

/**
 * The release-signing keys pinned in {@code client.json} ({@code server.releaseKeys}): a release or content
 * manifest is believed only when one of them signed it, whatever the server says.
 */
final class ReleaseKeys {
    private final List<PublicKey> pinned;

    ReleaseKeys(List<PublicKey> pinned) {
        this.pinned = List.copyOf(pinned);
    }

    /** The verified release manifest. */
    ReleaseManifest release(SignedDocument document) throws UpdateRefusedException {
        return parse(verified(document, SignedDocument.RELEASE, "release manifest"), ReleaseManifest.class,
                "release manifest");
    }

    /** The verified content manifest. */
    ContentManifest content(SignedDocument document) throws UpdateRefusedException {
        return parse(verified(document, SignedDocument.CONTENT, "content manifest"), ContentManifest.class,
                "content manifest");
    }

    /** What a release manifest claims, unverified: only to say in a report which release was refused. */
    static Optional<ReleaseManifest> claimedRelease(SignedDocument document) {
        try {
            return Optional.of(Json.read(document.unverifiedPayload(), ReleaseManifest.class));
        } catch (MalformedJsonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] verified(SignedDocument document, String kind, String what) throws UpdateRefusedException {
        if (pinned.isEmpty()) {
            throw new UpdateRefusedException("no release key is pinned in client.json (server.releaseKeys), so no "
                    + what + " can be verified");
        }
        PublicKey key = pinned.stream().filter(candidate -> candidate.keyId().equals(document.keyId())).findFirst()
                .orElseThrow(() -> new UpdateRefusedException(what + " is signed by key " + document.keyId()
                        + ", which is not a release key pinned in client.json"));
        try {
            return document.verifiedPayload(kind, key);
        } catch (DocumentSignatureInvalidException e) {
            throw new UpdateRefusedException(what + " refused: " + e.getMessage());
        }
    }

    private static <T> T parse(byte[] payload, Class<T> type, String what) throws UpdateRefusedException {
        try {
            return Json.read(payload, type);
        } catch (MalformedJsonException e) {
            throw new UpdateRefusedException(what + " is signed but not valid: " + e.getMessage());
        }
    }
}
