package dev.primary.protocol.admin;

import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import java.time.Instant;
import java.util.Objects;

/**
 * A release known to the server, for the releases view.
 *
 * @param product what it updates
 * @param version its version; {@link #display()} shows it as {@code V 1.2 (0345)}
 * @param fileName the package's file name
 * @param size package size in bytes
 * @param sha256 package SHA-256 (hex), its address in the package store
 * @param minimumClientVersion the oldest Client Service that may install it
 * @param notes release notes
 * @param signedBy key id of the release key that signed it
 * @param createdAt when it was signed
 * @param uploadedAt when it was added to this server
 * @param computersRunning how many computers report running it
 * @param downgrade whether it is a signed downgrade release
 */
public record ReleaseView(Product product, Version version, String fileName, long size, String sha256,
        Version minimumClientVersion, String notes, String signedBy, Instant createdAt, Instant uploadedAt,
        long computersRunning, boolean downgrade) {
    public ReleaseView {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(version, "version");
    }

    public String display() {
        return version.display();
    }
}
