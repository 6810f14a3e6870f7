package dev.primary.protocol.admin;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One enrollment token as {@code primary-admin enrollment list} shows it. The token's secret is never
 * part of it: it is shown once, when the token is created, and stored only as a hash.
 *
 * @param id the token's public id (the part of the token before the dot)
 * @param label what the administrator calls it
 * @param group the rollout group given to the computers it enrolls; empty = none
 * @param uses how many computers it may enroll; 0 = no limit
 * @param usesLeft how many more it may enroll; absent when there is no limit
 * @param enrolled how many computers it has enrolled
 * @param createdAt when it was created
 * @param createdBy who created it
 * @param expiresAt when it stops being valid; absent when it never expires
 * @param revokedAt when an administrator revoked it; absent unless revoked
 * @param state whether it can enroll a computer now, and if not why
 */
public record EnrollmentTokenView(String id, String label, String group, int uses, Integer usesLeft, int enrolled,
        Instant createdAt, String createdBy, Instant expiresAt, Instant revokedAt, State state) {
    public EnrollmentTokenView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(state, "state");
        label = label == null ? "" : label;
        group = group == null ? "" : group;
        createdBy = createdBy == null ? "" : createdBy;
    }

    /** An enrollment token's life: active until it expires, is used up or is revoked. */
    public enum State {
        ACTIVE, EXPIRED, USED_UP, REVOKED;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        @JsonCreator
        public static State fromWire(String name) {
            return Arrays.stream(values()).filter(state -> state.wireName().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown enrollment token state \"" + name + "\""));
        }
    }
}
