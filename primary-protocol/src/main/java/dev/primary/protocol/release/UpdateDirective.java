package dev.primary.protocol.release;

import dev.primary.protocol.crypto.SignedDocument;
import java.util.Objects;

/**
 * The server's word, in a check-in answer, that this client should install a release.
 *
 * @param manifest the signed {@link ReleaseManifest} (kind {@code release}); the client verifies it with its pinned release keys
 * @param download the path to fetch the package from ({@code /v1/packages/<sha256>}), resumable with HTTP ranges
 * @param rolloutId the rollout this directive comes from, echoed in the client's reports
 */
public record UpdateDirective(SignedDocument manifest, String download, long rolloutId) {
    public UpdateDirective {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(download, "download");
    }
}
