package dev.primary.server;

import dev.primary.protocol.admin.ContentView;
import dev.primary.protocol.admin.GroupAssignment;
import dev.primary.protocol.admin.ReleaseView;
import dev.primary.protocol.admin.RolloutRequest;
import dev.primary.protocol.admin.RolloutView;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.release.ReleaseManifest;
import dev.primary.server.release.ReleaseAdministration;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small in-memory stand-in for the release core: keeps what it is given, records every call, and hands
 * out the nudge targets a test sets.
 */
public final class FakeReleases implements ReleaseAdministration {
    public final List<String> actions = new CopyOnWriteArrayList<>();
    public final Map<String, InetSocketAddress> nudgeTargets = new ConcurrentHashMap<>();
    public final List<InetSocketAddress> rolloutTargets = new CopyOnWriteArrayList<>();
    private final List<ReleaseView> releases = new CopyOnWriteArrayList<>();
    private final Map<Long, RolloutView> rollouts = new ConcurrentHashMap<>();
    private final Clock clock;

    public FakeReleases(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ReleaseView addRelease(SignedDocument manifest, String actor) {
        actions.add("add release by " + actor);
        ReleaseManifest release = Json.read(manifest.unverifiedPayload(), ReleaseManifest.class);
        ReleaseView view = new ReleaseView(release.product(), release.version(), release.fileName(), release.size(),
                release.sha256(), release.minimumClientVersion(), release.notes(), manifest.keyId(),
                release.createdAt(), clock.instant(), 0, release.downgrade());
        releases.add(view);
        return view;
    }

    @Override
    public List<ReleaseView> releases() {
        return new ArrayList<>(releases);
    }

    @Override
    public ContentView addContent(SignedDocument manifest, String actor) {
        throw new FakeLicensing.TestProblem(ProblemType.CONFLICT, "not in this fake");
    }

    @Override
    public List<ContentView> contents() {
        return List.of();
    }

    @Override
    public RolloutView startRollout(RolloutRequest request, String actor) {
        actions.add("start rollout by " + actor);
        RolloutView view = new RolloutView(rollouts.size() + 1, request.product(), request.version(), request.group(),
                request.percent(), request.failureThreshold(), RolloutView.State.RUNNING, 0, 0, 0, clock.instant(), "");
        rollouts.put(view.id(), view);
        return view;
    }

    @Override
    public List<RolloutView> rollouts() {
        return new ArrayList<>(rollouts.values());
    }

    @Override
    public RolloutView changeRolloutPercent(long rolloutId, int percent, String actor) {
        actions.add("percent " + rolloutId + " " + percent);
        return change(rolloutId, percent, RolloutView.State.RUNNING);
    }

    @Override
    public RolloutView pauseRollout(long rolloutId, String actor) {
        actions.add("pause " + rolloutId);
        return change(rolloutId, rollout(rolloutId).percent(), RolloutView.State.PAUSED);
    }

    @Override
    public RolloutView resumeRollout(long rolloutId, String actor) {
        actions.add("resume " + rolloutId);
        return change(rolloutId, rollout(rolloutId).percent(), RolloutView.State.RUNNING);
    }

    @Override
    public void assignGroup(GroupAssignment assignment, String actor) {
        actions.add("group " + assignment.computer() + " " + assignment.group());
    }

    @Override
    public Optional<InetSocketAddress> nudgeTarget(String computer, String actor) {
        actions.add("nudge target " + computer);
        return Optional.ofNullable(nudgeTargets.get(computer));
    }

    @Override
    public List<InetSocketAddress> rolloutNudgeTargets(long rolloutId, int limit) {
        actions.add("rollout targets " + rolloutId);
        return List.copyOf(rolloutTargets);
    }

    private RolloutView rollout(long id) {
        RolloutView view = rollouts.get(id);
        if (view == null) {
            throw new FakeLicensing.TestProblem(ProblemType.NOT_FOUND, "no rollout " + id);
        }
        return view;
    }

    private RolloutView change(long id, int percent, RolloutView.State state) {
        RolloutView old = rollout(id);
        RolloutView changed = new RolloutView(id, old.product(), old.version(), old.group(), percent,
                old.failureThreshold(), state, old.assigned(), old.installed(), old.failed(), old.createdAt(), "");
        rollouts.put(id, changed);
        return changed;
    }
}
