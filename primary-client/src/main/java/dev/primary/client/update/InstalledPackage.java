package dev.primary.client.update;

import dev.primary.protocol.message.Version;
import java.util.Objects;

/**
 * A product's {@code versions/<product>/current} pointer: the installed package that runs, and the one that
 * ran before it (to roll back to). {@code previous} absent means the configured {@code recorder.command}.
 *
 * @param version the installed version
 * @param fileName the package's file name under {@code versions/<product>/<version>/}
 * @param sha256 the package's SHA-256
 * @param previous what ran before; kept one level deep
 */
public record InstalledPackage(Version version, String fileName, String sha256, InstalledPackage previous) {
    public InstalledPackage {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sha256, "sha256");
        if (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            throw new IllegalArgumentException("fileName must be a plain file name, got \"" + fileName + "\"");
        }
    }

    /** This pointer without its history, to be kept as the next one's {@code previous}. */
    InstalledPackage alone() {
        return previous == null ? this : new InstalledPackage(version, fileName, sha256, null);
    }
}
