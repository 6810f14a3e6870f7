package dev.primary.server.console;

import dev.primary.protocol.admin.RolloutProgress;

/**
 * Computers by update state, as {@code GET /admin/v1/stats/rollouts/{id}} counts them for a rollout, or summed over
 * the rollouts of one release.
 *
 * @param computers computers given the directive (the sum of the four states)
 * @param pending assigned but not started
 * @param downloading downloading the package
 * @param installed installed and healthy
 * @param failed refused or rolled back
 */
public record UpdateCounts(long computers, long pending, long downloading, long installed, long failed) {
    public static final UpdateCounts NONE = new UpdateCounts(0, 0, 0, 0, 0);

    public UpdateCounts {
        if (computers < 0 || pending < 0 || downloading < 0 || installed < 0 || failed < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    public static UpdateCounts of(RolloutProgress progress) {
        return new UpdateCounts(progress.computers(), progress.pending(), progress.downloading(), progress.installed(),
                progress.failed());
    }

    public UpdateCounts plus(UpdateCounts other) {
        return new UpdateCounts(computers + other.computers, pending + other.pending,
                downloading + other.downloading, installed + other.installed, failed + other.failed);
    }
}
