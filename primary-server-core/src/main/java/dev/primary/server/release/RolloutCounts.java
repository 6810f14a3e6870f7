package dev.primary.server.release;

/**
 * How far a rollout got; each computer counts once.
 *
 * @param assigned computers it has given its directive to
 * @param installed of those, the ones that report it installed
 * @param failed of those, the ones that report a failure
 */
public record RolloutCounts(long assigned, long installed, long failed) {
    public static final RolloutCounts NONE = new RolloutCounts(0, 0, 0);
}
