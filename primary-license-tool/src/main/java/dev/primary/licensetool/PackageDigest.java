package dev.primary.licensetool;

import dev.primary.protocol.crypto.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A package file's size and SHA-256, computed by streaming it through a small buffer
 * ({@link Sha256#ofFile}): a package of any size is never held in memory.
 *
 * @param size bytes read
 * @param sha256 lower-case hex SHA-256
 */
record PackageDigest(long size, String sha256) {
    static PackageDigest of(Path file) {
        if (Files.isDirectory(file)) {
            throw new LicenseToolException(file + " is a directory, not a package file");
        }
        try {
            Sha256.FileDigest digest = Sha256.ofFile(file);
            return new PackageDigest(digest.size(), digest.sha256());
        } catch (NoSuchFileException e) {
            throw new LicenseToolException("no such file: " + file);
        } catch (IOException e) {
            throw new LicenseToolException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
