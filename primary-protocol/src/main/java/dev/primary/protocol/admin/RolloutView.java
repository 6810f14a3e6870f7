package dev.primary.protocol.admin;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A rollout and how far it got.
 *
 * @param id its id
 * @param product the product
 * @param version the release it rolls out
 * @param group the group it is limited to; empty for all computers
 * @param percent the share of eligible computers it reaches now
 * @param failureThreshold failures that halt it (0 = never)
 * @param state running, paused, halted (by its failure threshold) or superseded (by a newer rollout of the product)
 * @param assigned computers it reaches now
 * @param installed computers that report it installed
 * @param failed computers that report a failure
 * @param createdAt when it started
 * @param reason why it is in its state (e.g. "halted: 5 failures reached the threshold of 5")
 */
public record RolloutView(long id, Product product, Version version, String group, int percent, int failureThreshold,
        State state, long assigned, long installed, long failed, Instant createdAt, String reason) {
    public RolloutView {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
        group = group == null ? "" : group;
        reason = reason == null ? "" : reason;
    }

    /** A rollout's life cycle. */
    public enum State {
        RUNNING, PAUSED, HALTED, SUPERSEDED;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static State fromWire(String name) {
            return Arrays.stream(values())
                    .filter(state -> state.wireName().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown rollout state \"" + name + "\""));
        }
    }
}
