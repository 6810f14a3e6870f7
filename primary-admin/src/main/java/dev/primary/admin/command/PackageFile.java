package dev.primary.admin.command;

import dev.primary.admin.AdminCommandException;
import dev.primary.protocol.crypto.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A package file about to be uploaded, with its size and SHA-256 (its address on the server), computed
 * by streaming it through a small buffer ({@link Sha256#ofFile}): a package of any size is never held in memory.
 *
 * @param file the file
 * @param size its size in bytes
 * @param sha256 lower-case hex SHA-256
 */
record PackageFile(Path file, long size, String sha256) {
    static PackageFile of(Path file) {
        if (Files.isDirectory(file)) {
            throw new AdminCommandException(file + " is a directory, not a package file");
        }
        try {
            Sha256.FileDigest digest = Sha256.ofFile(file);
            return new PackageFile(file, digest.size(), digest.sha256());
        } catch (NoSuchFileException e) {
            throw new AdminCommandException("no such file: " + file);
        } catch (IOException e) {
            throw new AdminCommandException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Fails unless this file is the one a signed manifest names (same size and SHA-256). */
    void requireNamedBy(Path manifestFile, long manifestSize, String manifestSha256) {
        if (size != manifestSize || !sha256.equals(manifestSha256)) {
            throw new AdminCommandException(file + " is not the package " + manifestFile + " names: the file has "
                    + size + " bytes, sha256 " + sha256 + "; the manifest says " + manifestSize + " bytes, sha256 "
                    + manifestSha256);
        }
    }
}
