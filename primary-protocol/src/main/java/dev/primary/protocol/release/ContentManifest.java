package dev.primary.protocol.release;

import java.time.Instant;
import java.util.Objects;

/**
 * A content update ("signature file"): a small, frequent data update with an increasing revision,
 * signed with a release-signing key (a {@link dev.primary.protocol.crypto.SignedDocument} of kind
 * {@link dev.primary.protocol.crypto.SignedDocument#CONTENT}). Manage Computers shows each client's
 * applied revision.
 *
 * @param revision increasing revision number, at least 1
 * @param fileName the file name the client keeps it under
 * @param size size in bytes
 * @param sha256 lower-case hex SHA-256, its address in the package store
 * @param notes what changed
 * @param createdAt when it was signed
 */
public record ContentManifest(long revision, String fileName, long size, String sha256, String notes,
        Instant createdAt) {
    public ContentManifest {
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1, got " + revision);
        }
        Objects.requireNonNull(fileName, "fileName");
        ReleaseManifest.requireSha256(sha256);
        Objects.requireNonNull(createdAt, "createdAt");
        notes = notes == null ? "" : notes;
        if (size < 0) {
            throw new IllegalArgumentException("size cannot be negative, got " + size);
        }
    }
}
