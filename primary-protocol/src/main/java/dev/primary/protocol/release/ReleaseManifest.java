package dev.primary.protocol.release;

import dev.primary.protocol.message.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a release is, signed with a release-signing key (a {@link dev.primary.protocol.crypto.SignedDocument}
 * of kind {@link dev.primary.protocol.crypto.SignedDocument#RELEASE}), kept apart from the server's
 * and the vendor's license keys. Clients pin the release keys at install and check a package's size,
 * SHA-256 and this signature before they touch the installed version.
 *
 * @param product what it updates
 * @param version its version, shown as {@code V 1.2 (0345)}
 * @param fileName the package's file name as installed (e.g. {@code recorder.jar}); no path
 * @param size the package's size in bytes
 * @param sha256 lower-case hex SHA-256 of the package; also its address in the server's package store
 * @param minimumClientVersion the oldest Client Service that may install it
 * @param notes release notes
 * @param createdAt when it was signed
 * @param downgrade true only for a release signed expressly to replace a newer version (an explicit, signed downgrade)
 */
public record ReleaseManifest(Product product, Version version, String fileName, long size, String sha256,
        Version minimumClientVersion, String notes, Instant createdAt, boolean downgrade) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    public ReleaseManifest {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(createdAt, "createdAt");
        minimumClientVersion = minimumClientVersion == null ? Version.NONE : minimumClientVersion;
        notes = notes == null ? "" : notes;
        if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("fileName must be a plain file name (letters, digits, '.', '_', '-'), got \""
                    + fileName + "\"");
        }
        requireSha256(sha256);
        if (size < 0) {
            throw new IllegalArgumentException("size cannot be negative, got " + size);
        }
        if (notes.length() > 10_000) {
            throw new IllegalArgumentException("notes are longer than 10,000 characters");
        }
    }

    /** Checks a hex SHA-256 text: 64 lower-case hex digits. */
    public static String requireSha256(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got \"" + sha256 + "\"");
        }
        return sha256;
    }
}
