package dev.primary.server.computer;

import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.UpdateState;
import java.time.Instant;
import java.util.Objects;

/**
 * One computer's standing with one update: kept per computer, product and rollout, so each
 * computer counts once per rollout, and a rollout's counts stay as they were when a newer one
 * supersedes it.
 *
 * @param product what is updated
 * @param rolloutId the rollout that assigned it; 0 for what the client reported outside any rollout
 * @param version the version it is about
 * @param state pending (assigned, not started), downloading, installed or failed
 * @param reason the client's words on a failure, or a short note
 * @param updatedAt when it last changed
 */
public record UpdateRecord(Product product, long rolloutId, Version version, UpdateState state, String reason,
        Instant updatedAt) {
    public UpdateRecord {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updatedAt");
        reason = reason == null ? "" : reason;
        if (rolloutId < 0) {
            throw new IllegalArgumentException("rolloutId cannot be negative, got " + rolloutId);
        }
    }

    /** Whether it is the record of {@code otherProduct} in rollout {@code otherRolloutId}. */
    public boolean isFor(Product otherProduct, long otherRolloutId) {
        return product == otherProduct && rolloutId == otherRolloutId;
    }

    /** Whether {@code other} says the same (ignoring when it was said). */
    public boolean sameAs(UpdateRecord other) {
        return other != null && product == other.product && rolloutId == other.rolloutId
                && version.equals(other.version) && state == other.state && reason.equals(other.reason);
    }
}
