package dev.primary.server.release;

import dev.primary.protocol.admin.RolloutRequest;
import dev.primary.protocol.admin.RolloutView;
import dev.primary.protocol.admin.RolloutView.State;
import dev.primary.server.audit.AuditAction;
import dev.primary.server.audit.AuditEvent;
import dev.primary.server.licensing.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rollout's life: started (superseding the product's older rollout), its share raised or
 * lowered, paused and resumed, and halted by itself when as many computers as its failure threshold
 * report a failure. Halted and superseded rollouts are final: to continue, start a new one.
 */
final class RolloutControl {
    private static final Logger LOG = LoggerFactory.getLogger(RolloutControl.class);
    static final String SYSTEM = "system";

    private final ReleaseStore store;
    private final CatalogCache catalog;
    private final Clock clock;

    RolloutControl(ReleaseStore store, CatalogCache catalog, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
    }

    RolloutView start(RolloutRequest request, String actor) {
        RolloutView view = catalog.change(writes -> {
            Instant now = clock.instant();
            Release release = writes.releases().stream()
                    .filter(known -> known.product() == request.product() && known.version().equals(request.version()))
                    .findFirst()
                    .orElseThrow(() -> new ReleaseNotFoundException("no release " + Release.nameOf(request.product(),
                            request.version()) + " was added; add it before rolling it out"));
            StringBuilder superseded = new StringBuilder();
            for (Rollout older : writes.rollouts()) {
                if (older.product() == request.product() && older.state() != State.SUPERSEDED) {
                    writes.updateRollout(older.inState(State.SUPERSEDED, "superseded by a newer rollout of "
                            + release.subject(), now));
                    superseded.append(superseded.length() == 0 ? "; supersedes " : ", ").append(older.subject());
                }
            }
            Rollout rollout = writes.insertRollout(Rollout.started(request, now));
            audit(writes, now, actor, AuditAction.ROLLOUT_STARTED, rollout, release.subject() + " to "
                    + reach(rollout) + ", failure threshold " + threshold(rollout) + superseded);
            return rollout.view(RolloutCounts.NONE);
        });
        LOG.info("rollout {} started: {} {} to {}", view.id(), view.product().wireName(), view.version().display(),
                view.percent() + "%");
        return view;
    }

    RolloutView changePercent(long rolloutId, int percent, String actor) {
        if (percent < 1 || percent > 100) {
            throw new InvalidRequestException("percent must be 1-100, got " + percent);
        }
        return catalog.change(writes -> {
            Rollout rollout = find(writes, rolloutId);
            requireState(rollout, "change the share of", State.RUNNING, State.PAUSED);
            Instant now = clock.instant();
            Rollout changed = rollout.withPercent(percent, now);
            writes.updateRollout(changed);
            audit(writes, now, actor, AuditAction.ROLLOUT_PERCENT, changed, rollout.percent() + "% -> " + percent
                    + "%" + (percent < rollout.percent() ? "; computers already assigned keep it" : ""));
            return changed.view(writes.rolloutCounts(rolloutId));
        });
    }

    /** Stops assigning new computers; those already assigned carry on. */
    RolloutView pause(long rolloutId, String actor) {
        return catalog.change(writes -> {
            Rollout rollout = find(writes, rolloutId);
            requireState(rollout, "pause", State.RUNNING);
            Instant now = clock.instant();
            Rollout paused = rollout.inState(State.PAUSED, "paused by " + actor, now);
            writes.updateRollout(paused);
            audit(writes, now, actor, AuditAction.ROLLOUT_PAUSED, paused, "paused at " + reach(paused));
            return paused.view(writes.rolloutCounts(rolloutId));
        });
    }

    RolloutView resume(long rolloutId, String actor) {
        return catalog.change(writes -> {
            Rollout rollout = find(writes, rolloutId);
            requireState(rollout, "resume", State.PAUSED);
            Instant now = clock.instant();
            Rollout resumed = rollout.inState(State.RUNNING, "", now);
            writes.updateRollout(resumed);
            audit(writes, now, actor, AuditAction.ROLLOUT_RESUMED, resumed, "resumed at " + reach(resumed));
            return resumed.view(writes.rolloutCounts(rolloutId));
        });
    }

    /** After check-ins recorded new failures in these rollouts: halts each whose failures reached its threshold. */
    void checkThresholds(Set<Long> rolloutIds) {
        ReleaseCatalog known = catalog.current();
        boolean anyCanHalt = rolloutIds.stream().map(known::rollout)
                .anyMatch(rollout -> rollout.isPresent() && canHalt(rollout.get()));
        if (!anyCanHalt) {
            return;
        }
        List<Rollout> halted = catalog.change(writes -> rolloutIds.stream().sorted()
                .map(id -> writes.rollout(id).filter(RolloutControl::canHalt).flatMap(rollout -> halt(writes, rollout)))
                .flatMap(Optional::stream)
                .toList());
        halted.forEach(rollout -> LOG.warn("rollout {} - {}", rollout.id(), rollout.reason()));
    }

    private static boolean canHalt(Rollout rollout) {
        return rollout.failureThreshold() > 0
                && (rollout.state() == State.RUNNING || rollout.state() == State.PAUSED);
    }

    private Optional<Rollout> halt(ReleaseWrites writes, Rollout rollout) {
        RolloutCounts counts = writes.rolloutCounts(rollout.id());
        if (counts.failed() < rollout.failureThreshold()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String reason = "halted: " + counts.failed() + " of " + counts.assigned() + " assigned computers failed,"
                + " reaching the failure threshold of " + rollout.failureThreshold() + " (" + counts.installed()
                + " installed)";
        Rollout halted = rollout.inState(State.HALTED, reason, now);
        writes.updateRollout(halted);
        audit(writes, now, SYSTEM, AuditAction.ROLLOUT_HALTED, halted, reason);
        return Optional.of(halted);
    }

    /** Every rollout, newest first, with its counts. */
    List<RolloutView> views() {
        return store.readReleases(reads -> reads.rollouts().stream()
                .sorted(Comparator.comparingLong(Rollout::id).reversed())
                .map(rollout -> rollout.view(reads.rolloutCounts(rollout.id())))
                .toList());
    }

    private static Rollout find(ReleaseReads reads, long rolloutId) {
        return reads.rollout(rolloutId).orElseThrow(() -> new RolloutNotFoundException("no rollout has id "
                + rolloutId));
    }

    private static void requireState(Rollout rollout, String action, State... allowed) {
        for (State state : allowed) {
            if (rollout.state() == state) {
                return;
            }
        }
        String hint = switch (rollout.state()) {
            case HALTED, SUPERSEDED -> "; start a new rollout to continue";
            case RUNNING -> "";
            case PAUSED -> "; resume it first";
        };
        throw new RolloutStateConflictException("cannot " + action + " " + rollout.subject() + ": it is "
                + rollout.state().wireName() + (rollout.reason().isEmpty() ? "" : " (" + rollout.reason() + ")")
                + hint);
    }

    static String reach(Rollout rollout) {
        return rollout.percent() + "% of " + (rollout.group().isEmpty() ? "all computers"
                : "group " + rollout.group());
    }

    private static String threshold(Rollout rollout) {
        return rollout.failureThreshold() == 0 ? "none" : String.valueOf(rollout.failureThreshold());
    }

    private static void audit(ReleaseWrites writes, Instant now, String actor, AuditAction action, Rollout rollout,
            String detail) {
        writes.audit(new AuditEvent(now, actor, action, rollout.subject(), detail));
    }
}
