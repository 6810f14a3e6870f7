package dev.primary.protocol.admin;

import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import java.util.Objects;

/**
 * How far a rollout got, by update state ({@code GET /admin/v1/stats/rollouts/{id}}); each computer counts once.
 *
 * @param id the rollout's id
 * @param product the product it rolls out
 * @param version the release it rolls out
 * @param state running, paused, halted or superseded
 * @param percent the share of eligible computers it reaches now
 * @param computers computers it has given its directive to (the sum of the four states)
 * @param pending of those, assigned but not started
 * @param downloading downloading the package
 * @param installed installed and healthy
 * @param failed refused or rolled back
 */
public record RolloutProgress(long id, Product product, Version version, RolloutView.State state, int percent,
        long computers, long pending, long downloading, long installed, long failed) {
    public RolloutProgress {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
    }
}
