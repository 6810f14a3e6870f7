package dev.primary.client.update;

import java.util.Objects;

/**
 * The {@code content/current} pointer: the content revision applied.
 *
 * @param revision the revision
 * @param fileName the file under {@code content/<revision>/}
 * @param sha256 its SHA-256
 */
public record InstalledContent(long revision, String fileName, String sha256) {
    public InstalledContent {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sha256, "sha256");
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1, got " + revision);
        }
        if (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            throw new IllegalArgumentException("fileName must be a plain file name, got \"" + fileName + "\"");
        }
    }
}
