package dev.primary.protocol.admin;

import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.UpdateState;
import java.util.Objects;

/**
 * One computer's standing with one product's update, as Manage Computers shows it.
 *
 * @param product the product
 * @param installed the version the client last said it runs ({@link Version#NONE} if unknown)
 * @param target the version a rollout assigns it; equal to {@code installed} when up to date
 * @param state pending, downloading, installed or failed
 * @param reason the client's words on a failure, or a short note
 * @param rolloutId the rollout that assigned the target (0 if none)
 */
public record UpdateView(Product product, Version installed, Version target, UpdateState state, String reason,
        long rolloutId) {
    public UpdateView {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(installed, "installed");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
    }
}
