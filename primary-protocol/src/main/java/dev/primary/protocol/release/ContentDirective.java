package dev.primary.protocol.release;

import dev.primary.protocol.crypto.SignedDocument;
import java.util.Objects;

/**
 * The server's word, in a check-in answer, that a newer content revision is available.
 *
 * @param manifest the signed {@link ContentManifest} (kind {@code content})
 * @param download the path to fetch it from ({@code /v1/packages/<sha256>})
 */
public record ContentDirective(SignedDocument manifest, String download) {
    public ContentDirective {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(download, "download");
    }
}
