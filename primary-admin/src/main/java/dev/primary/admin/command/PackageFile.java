package dev.primary.admin.command;

import dev.primary.admin.AdminCommandException;
import dev.primary.protocol.crypto.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A package file about to be uploaded, with its size and SHA-256 (its address on the server), computed
 * by streaming it through a small buffer: a package of any size is never held in memory.
 *
 * @param file the file
 * @param size its size in bytes
 * @param sha256 lower-case hex SHA-256
 */
record PackageFile(Path file, long size, String sha256) {
    private static final int BUFFER_BYTES = 64 * 1024;

    static PackageFile of(Path file) {
        if (Files.isDirectory(file)) {
            throw new AdminCommandException(file + " is a directory, not a package file");
        }
        MessageDigest digest = Sha256.digest();
        long size = 0;
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, read);
                size += read;
            }
        } catch (NoSuchFileException e) {
            throw new AdminCommandException("no such file: " + file);
        } catch (IOException e) {
            throw new AdminCommandException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new PackageFile(file, size, HexFormat.of().formatHex(digest.digest()));
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
