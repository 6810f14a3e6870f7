package dev.primary.admin.command;

import dev.primary.admin.AdminCommandException;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.json.MalformedJsonException;
import java.nio.file.Path;

/**
 * A signed release or content manifest read from a file, with its payload read (not verified: the server
 * verifies the signature against the release keys it trusts) so the package can be checked against it
 * before anything is sent.
 *
 * @param file where it was read from
 * @param document the signed document, sent to the server as is
 * @param payload its payload ({@link dev.primary.protocol.release.ReleaseManifest} or
 *     {@link dev.primary.protocol.release.ContentManifest})
 */
record SignedManifest<T>(Path file, SignedDocument document, T payload) {

    static <T> SignedManifest<T> read(Path file, String kind, Class<T> payloadType, String hintForOtherKind) {
        SignedDocument document = SignedDocumentFile.read(file, kind, hintForOtherKind);
        try {
            return new SignedManifest<>(file, document, Json.read(document.unverifiedPayload(), payloadType));
        } catch (MalformedJsonException | IllegalArgumentException e) {
            throw new AdminCommandException(file + " is not a well-formed " + kind + " manifest: " + e.getMessage(), e);
        }
    }
}
