package dev.primary.protocol.release;

import dev.primary.protocol.message.Version;
import java.util.Objects;

/**
 * A client's account of one update, in {@code report} (and carried again at each check-in).
 *
 * @param product what is being updated
 * @param version the version it is about
 * @param rolloutId the rollout of the directive (0 if none)
 * @param state where it stands
 * @param reason why it failed, or a short note; at most 500 characters
 */
public record UpdateReport(Product product, Version version, long rolloutId, UpdateState state, String reason) {
    public UpdateReport {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
        if (reason.length() > 500) {
            throw new IllegalArgumentException("reason is longer than 500 characters");
        }
    }
}
