package dev.primary.licensetool;

import dev.primary.protocol.crypto.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A package file's size and SHA-256, computed by streaming it through a small buffer: a package of any
 * size is never held in memory.
 *
 * @param size bytes read
 * @param sha256 lower-case hex SHA-256
 */
record PackageDigest(long size, String sha256) {
    private static final int BUFFER_BYTES = 64 * 1024;

    static PackageDigest of(Path file) {
        if (Files.isDirectory(file)) {
            throw new LicenseToolException(file + " is a directory, not a package file");
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
            throw new LicenseToolException("no such file: " + file);
        } catch (IOException e) {
            throw new LicenseToolException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new PackageDigest(size, HexFormat.of().formatHex(digest.digest()));
    }
}
