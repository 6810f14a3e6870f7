package dev.primary.protocol.admin;

import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import java.util.Objects;

/**
 * Starts a rollout: assign a release to all computers, a named group, or a percentage that is raised step by step.
 *
 * @param product the product of the release
 * @param version the release's version (it must have been added)
 * @param group only computers of this group; empty for all
 * @param percent the share of eligible computers that get it now, 1-100 (default 100)
 * @param failureThreshold the rollout halts by itself when this many computers report a failure (default 5; 0 = never)
 */
public record RolloutRequest(Product product, Version version, String group, Integer percent, Integer failureThreshold) {
    public RolloutRequest {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(version, "version");
        group = group == null ? "" : group.strip();
        percent = percent == null ? 100 : percent;
        failureThreshold = failureThreshold == null ? 5 : failureThreshold;
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent must be 1-100, got " + percent);
        }
        if (failureThreshold < 0) {
            throw new IllegalArgumentException("failureThreshold cannot be negative (0 = never halt), got " + failureThreshold);
        }
    }
}
