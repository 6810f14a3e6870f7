package dev.primary.server.console;

/**
 * The Releases page: the releases and rollouts with their counts, the forms to start and change rollouts and to add
 * a release, and a rollout start waiting for its confirmation.
 *
 * @param counts the live part: releases and rollouts with their computers by update state
 * @param operator whether the role may start and change rollouts
 * @param administrator whether the role may add releases and upload packages
 * @param maxPackageBytes the largest package the server takes ({@code max-package})
 * @param confirm the rollout start to confirm; {@link RolloutStart#NONE} for none
 */
public record ReleasesModel(ConsoleFrame frame, RolloutCountsModel counts, boolean operator, boolean administrator,
        long maxPackageBytes, RolloutStart confirm) {
    /** {@link #maxPackageBytes} for people. */
    public String maxPackage() {
        return ReleaseRow.bytes(maxPackageBytes);
    }
}
