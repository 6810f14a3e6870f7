package dev.primary.server.release;

import dev.primary.protocol.admin.ContentView;
import dev.primary.protocol.admin.GroupAssignment;
import dev.primary.protocol.admin.ReleaseView;
import dev.primary.protocol.admin.RolloutRequest;
import dev.primary.protocol.admin.RolloutView;
import dev.primary.protocol.admin.RolloutView.State;
import dev.primary.protocol.admin.UpdateView;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.release.UpdateReport;
import dev.primary.server.PrimaryException;
import dev.primary.server.audit.AuditAction;
import dev.primary.server.audit.AuditEvent;
import dev.primary.server.computer.Computer;
import dev.primary.server.computer.UpdateRecordWrites;
import dev.primary.server.computer.UpdateRecords;
import dev.primary.server.licensing.CheckInDirectives;
import dev.primary.server.licensing.ComputerLookup;
import dev.primary.server.licensing.InvalidRequestException;
import dev.primary.server.licensing.UpdateAdvisor;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The release core: releases and content updates, rollouts and groups for administrators
 * ({@link ReleaseAdministration}), and, as the licensing core's {@link UpdateAdvisor}, what each
 * licensed client should install at its check-in. Releases, contents and rollouts are kept in
 * memory ({@link ReleaseCatalog}), reloaded with every change, so check-ins never query for them.
 */
public final class Releases implements ReleaseAdministration, UpdateAdvisor {
    private static final Logger LOG = LoggerFactory.getLogger(Releases.class);
    private static final int NUDGE_SCAN_BATCH = 1000;

    private final ReleaseStore store;
    private final Clock clock;
    private final CatalogCache catalog;
    private final ReleaseImports imports;
    private final RolloutControl rollouts;

    public Releases(ReleaseSettings settings, ReleaseStore store, PackageStore packages, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(packages, "packages");
        this.catalog = new CatalogCache(store);
        this.imports = new ReleaseImports(catalog, packages, new ReleaseDocuments(settings.trustedReleaseKeys()),
                clock);
        this.rollouts = new RolloutControl(store, catalog, clock);
    }

    /**
     * Reads the release catalog again from the store: where several servers share a database, the others' releases
     * and rollout changes reach this server's check-in answers at the next refresh.
     */
    public void refreshCatalog() {
        catalog.refresh();
    }

    @Override
    public ReleaseView addRelease(SignedDocument manifest, String actor) {
        return imports.addRelease(manifest, actor);
    }

    /** Every release, by product, newest version first. */
    @Override
    public List<ReleaseView> releases() {
        return store.readReleases(reads -> reads.releases().stream()
                .sorted(Comparator.comparing(Release::product).thenComparing(Release::version, Comparator.reverseOrder()))
                .map(release -> release.view(reads.computersRunning(release.product(), release.version())))
                .toList());
    }

    @Override
    public ContentView addContent(SignedDocument manifest, String actor) {
        return imports.addContent(manifest, actor);
    }

    /** Every content update, newest revision first. */
    @Override
    public List<ContentView> contents() {
        return store.readReleases(reads -> reads.contents().stream()
                .sorted(Comparator.comparingLong(ContentUpdate::revision).reversed())
                .map(content -> content.view(reads.computersWithContent(content.revision())))
                .toList());
    }

    @Override
    public RolloutView startRollout(RolloutRequest request, String actor) {
        return rollouts.start(request, actor);
    }

    /** Every rollout, newest first. */
    @Override
    public List<RolloutView> rollouts() {
        return rollouts.views();
    }

    @Override
    public RolloutView changeRolloutPercent(long rolloutId, int percent, String actor) {
        return rollouts.changePercent(rolloutId, percent, actor);
    }

    @Override
    public RolloutView pauseRollout(long rolloutId, String actor) {
        return rollouts.pause(rolloutId, actor);
    }

    @Override
    public RolloutView resumeRollout(long rolloutId, String actor) {
        return rollouts.resume(rolloutId, actor);
    }

    @Override
    public void assignGroup(GroupAssignment assignment, String actor) {
        store.writeReleases(writes -> {
            Computer computer = ComputerLookup.find(writes, assignment.computer());
            String before = computer.profile().group();
            if (before.equals(assignment.group())) {
                return null;
            }
            writes.assignGroup(computer.id(), assignment.group());
            String detail = assignment.group().isEmpty() ? "taken out of group " + before
                    : "put in group " + assignment.group() + (before.isEmpty() ? "" : " (was " + before + ")");
            writes.audit(new AuditEvent(clock.instant(), actor, AuditAction.COMPUTER_GROUPED,
                    computer.identity().display(), detail));
            return null;
        });
    }

    @Override
    public Optional<InetSocketAddress> nudgeTarget(String computer, String actor) {
        return store.writeReleases(writes -> {
            Computer known = ComputerLookup.find(writes, computer);
            Optional<InetSocketAddress> target = known.profile().nudgeAddress();
            target.ifPresent(address -> writes.audit(new AuditEvent(clock.instant(), actor,
                    AuditAction.COMPUTER_NUDGED, known.identity().display(), "check-in nudge to "
                            + known.profile().remoteAddress() + ":" + known.profile().nudgePort()
                            + ", where it last checked in from")));
            return target;
        });
    }

    @Override
    public List<InetSocketAddress> rolloutNudgeTargets(long rolloutId, int limit) {
        if (limit < 1) {
            throw new InvalidRequestException("limit must be at least 1, got " + limit);
        }
        ReleaseCatalog known = catalog.current();
        Rollout rollout = known.rollout(rolloutId)
                .orElseThrow(() -> new RolloutNotFoundException("no rollout has id " + rolloutId));
        if (rollout.state() != State.RUNNING) {
            return List.of();
        }
        return store.readReleases(reads -> {
            List<InetSocketAddress> targets = new ArrayList<>();
            long afterId = 0;
            while (targets.size() < limit) {
                List<Computer> batch = reads.nudgeableComputers(afterId, NUDGE_SCAN_BATCH);
                for (Computer computer : batch) {
                    if (targets.size() < limit && offeredNow(known, computer, rollout)) {
                        computer.profile().nudgeAddress().ifPresent(targets::add);
                    }
                }
                if (batch.size() < NUDGE_SCAN_BATCH) {
                    break;
                }
                afterId = batch.get(batch.size() - 1).id();
            }
            return targets;
        });
    }

    private static boolean offeredNow(ReleaseCatalog known, Computer computer, Rollout rollout) {
        return UpdateAdvice.offer(known, computer, rollout.product())
                .filter(offer -> offer.rollout().id() == rollout.id() && offer.reached() && offer.blockedBy().isEmpty())
                .isPresent();
    }

    @Override
    public Set<Long> record(UpdateRecordWrites writes, Computer computer, List<UpdateReport> reports, String actor,
            Instant now) {
        return UpdateAdvice.record(writes, computer, reports, actor, now);
    }

    @Override
    public CheckInDirectives advise(UpdateRecordWrites writes, Computer computer, Instant now) {
        return UpdateAdvice.advise(catalog.current(), writes, computer, now);
    }

    /** Halts the rollouts whose failures reached their threshold; a store failure here leaves it to the next failure report. */
    @Override
    public void failuresRecorded(Set<Long> rolloutIds) {
        try {
            rollouts.checkThresholds(rolloutIds);
        } catch (PrimaryException e) {
            LOG.warn("rollouts {} - could not check the failure thresholds; checked again at the next failure: {}",
                    rolloutIds, e.getMessage());
        }
    }

    @Override
    public boolean mayDownload(String sha256) {
        return sha256 != null && catalog.current().hasPackage(sha256);
    }

    @Override
    public List<UpdateView> updateViews(UpdateRecords reads, Computer computer) {
        return UpdateAdvice.views(catalog.current(), reads, computer);
    }
}
