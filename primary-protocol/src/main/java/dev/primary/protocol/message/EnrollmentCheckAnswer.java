package dev.primary.protocol.message;

import java.time.Instant;
import java.util.Objects;

/**
 * The answer to {@link EnrollmentCheck} for a token that would enroll a computer now. Checking uses nothing up.
 *
 * @param tokenId the token's public id
 * @param label what the administrator calls it
 * @param group the rollout group its computers join; empty = none
 * @param usesLeft how many more computers it may enroll; absent when there is no limit
 * @param expiresAt when it stops being valid; absent when it never expires
 */
public record EnrollmentCheckAnswer(String tokenId, String label, String group, Integer usesLeft, Instant expiresAt) {
    public EnrollmentCheckAnswer {
        Objects.requireNonNull(tokenId, "tokenId");
        label = label == null ? "" : label;
        group = group == null ? "" : group;
    }
}
