package dev.primary.server.release;

import dev.primary.protocol.admin.ContentView;
import dev.primary.protocol.admin.GroupAssignment;
import dev.primary.protocol.admin.ReleaseView;
import dev.primary.protocol.admin.RolloutRequest;
import dev.primary.protocol.admin.RolloutView;
import dev.primary.protocol.crypto.SignedDocument;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * What an administrator can do with updates: the use cases behind {@code /admin/v1/releases},
 * {@code /admin/v1/content}, {@code /admin/v1/rollouts} and the matching {@code primary-admin} commands.
 * Every change is audited with {@code actor}. Failures are {@link dev.primary.server.PrimaryException} subclasses
 * whose messages say exactly why (unsigned, tampered, untrusted key, package missing or of another size/digest,
 * not newer than the current release of its product, ...).
 */
public interface ReleaseAdministration {

    /** Adds a release whose package is already in the {@link PackageStore}; refuses one that is not newer (unless a signed downgrade). */
    ReleaseView addRelease(SignedDocument manifest, String actor);

    List<ReleaseView> releases();

    /** Adds a content update whose file is already in the {@link PackageStore}; its revision must be newer than the latest. */
    ContentView addContent(SignedDocument manifest, String actor);

    List<ContentView> contents();

    RolloutView startRollout(RolloutRequest request, String actor);

    List<RolloutView> rollouts();

    RolloutView changeRolloutPercent(long rolloutId, int percent, String actor);

    RolloutView pauseRollout(long rolloutId, String actor);

    RolloutView resumeRollout(long rolloutId, String actor);

    /** Puts a computer in a group (or takes it out, with an empty group). */
    void assignGroup(GroupAssignment assignment, String actor);

    /**
     * Where to send a "check in now" nudge for this computer: the address it last checked in from and
     * the nudge port it announced; empty when it announced none. Audited as {@code computer.nudged}.
     */
    Optional<InetSocketAddress> nudgeTarget(String computer, String actor);

    /**
     * Where to nudge the computers a running rollout reaches now and that still need its release (licensed,
     * announcing a nudge port), at most {@code limit}; empty for a rollout that is not running. For the edge
     * to nudge, in the background, after {@link #startRollout}, {@link #changeRolloutPercent} and
     * {@link #resumeRollout}. Not audited one by one. (A default that nudges nobody, so stand-ins need not.)
     */
    default List<InetSocketAddress> rolloutNudgeTargets(long rolloutId, int limit) {
        return List.of();
    }
}
