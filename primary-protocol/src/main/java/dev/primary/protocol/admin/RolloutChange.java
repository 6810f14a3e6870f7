package dev.primary.protocol.admin;

/**
 * Changes a running rollout's reach: {@code POST /admin/v1/rollouts/{id}/percent}.
 *
 * @param percent the new share, 1-100; raising it reaches more computers, lowering it stops new assignments
 */
public record RolloutChange(int percent) {
    public RolloutChange {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent must be 1-100, got " + percent);
        }
    }
}
