package dev.primary.server.console;

import java.util.List;

/**
 * The live part of the Releases page: the releases and the rollouts with their computers by update state, rendered
 * alone ({@code GET /console/releases/counts}) when the fleet's changes call for fresh counts.
 *
 * @param releases every release, newest first
 * @param rollouts the newest rollouts, newest first
 * @param byState whether the counts are by update state ({@code GET /admin/v1/stats/rollouts/{id}}); without the
 *     statistics only the assigned, installed and failed computers of each rollout are known
 */
public record RolloutCountsModel(List<ReleaseRow> releases, List<RolloutRow> rollouts, boolean byState) {
    public RolloutCountsModel {
        releases = List.copyOf(releases);
        rollouts = List.copyOf(rollouts);
    }
}
