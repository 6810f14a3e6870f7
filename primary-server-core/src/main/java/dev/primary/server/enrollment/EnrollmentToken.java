package dev.primary.server.enrollment;

import dev.primary.protocol.admin.EnrollmentTokenView;
import dev.primary.protocol.message.EnrollmentCheckAnswer;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An enrollment token as the server keeps it: what it allows, how much of it is used, and the SHA-256 of its
 * secret (never the secret itself).
 *
 * @param id the public id, the part of the token before the dot
 * @param secretHash SHA-256 of the secret part, lower-case hex
 * @param label what the administrator calls it
 * @param group the rollout group given to the computers it enrolls; empty for none
 * @param uses how many computers it may enroll; 0 = no limit
 * @param used how many it has enrolled
 * @param createdAt when it was created
 * @param createdBy who created it
 * @param expiresAt when it stops enrolling; {@code null} = never
 * @param revokedAt when it was revoked; {@code null} unless revoked
 */
public record EnrollmentToken(String id, String secretHash, String label, String group, int uses, int used,
        Instant createdAt, String createdBy, Instant expiresAt, Instant revokedAt) {
    public EnrollmentToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
        label = label == null ? "" : label;
        group = group == null ? "" : group;
        createdBy = createdBy == null ? "" : createdBy;
        if (uses < 0 || used < 0) {
            throw new IllegalArgumentException("uses and used cannot be negative");
        }
    }

    /** Whether it can enroll a computer at {@code now}, and if not why (checked in this order). */
    public EnrollmentTokenView.State stateAt(Instant now) {
        if (revokedAt != null) {
            return EnrollmentTokenView.State.REVOKED;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return EnrollmentTokenView.State.EXPIRED;
        }
        if (uses > 0 && used >= uses) {
            return EnrollmentTokenView.State.USED_UP;
        }
        return EnrollmentTokenView.State.ACTIVE;
    }

    /** The refusal of an enrollment with this token at {@code now}; empty when it may enroll. */
    public Optional<EnrollmentRefusedException> refusalAt(Instant now) {
        return switch (stateAt(now)) {
            case ACTIVE -> Optional.empty();
            case REVOKED -> Optional.of(EnrollmentRefusedException.revoked(id, Instants.words(revokedAt)));
            case EXPIRED -> Optional.of(EnrollmentRefusedException.expired(id, Instants.words(expiresAt)));
            case USED_UP -> Optional.of(EnrollmentRefusedException.usedUp(id, uses));
        };
    }

    /** How many more computers it may enroll; empty when there is no limit. */
    public Optional<Integer> usesLeft() {
        return uses == 0 ? Optional.empty() : Optional.of(Math.max(0, uses - used));
    }

    public EnrollmentToken usedOnce() {
        return new EnrollmentToken(id, secretHash, label, group, uses, used + 1, createdAt, createdBy, expiresAt,
                revokedAt);
    }

    public EnrollmentToken revoked(Instant at) {
        return new EnrollmentToken(id, secretHash, label, group, uses, used, createdAt, createdBy, expiresAt, at);
    }

    public EnrollmentTokenView view(Instant now) {
        return new EnrollmentTokenView(id, label, group, uses, usesLeft().orElse(null), used, createdAt, createdBy,
                expiresAt, revokedAt, stateAt(now));
    }

    public EnrollmentCheckAnswer checkAnswer() {
        return new EnrollmentCheckAnswer(id, label, group, usesLeft().orElse(null), expiresAt);
    }
}
