package dev.primary.server.release;

import dev.primary.protocol.admin.RolloutView.State;
import dev.primary.protocol.admin.UpdateView;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.ContentDirective;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.UpdateDirective;
import dev.primary.protocol.release.UpdateReport;
import dev.primary.protocol.release.UpdateState;
import dev.primary.server.audit.AuditAction;
import dev.primary.server.audit.AuditEvent;
import dev.primary.server.computer.Computer;
import dev.primary.server.computer.UpdateRecord;
import dev.primary.server.computer.UpdateRecordWrites;
import dev.primary.server.computer.UpdateRecords;
import dev.primary.server.licensing.CheckInDirectives;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a computer should install, decided at its check-in from the catalog in memory, and what its
 * client reports about its updates. The rules, per product:
 * <ul>
 *   <li>Only the product's current rollout counts (a newer rollout supersedes the older); a halted one
 *       gives no directive at all.</li>
 *   <li>Nothing when the computer already runs the target version, and nothing older than what it runs
 *       unless the release is a signed downgrade (anti-rollback).</li>
 *   <li>Nothing while its Client Service is older than the release's minimum client version.</li>
 *   <li>A running rollout assigns the computers its group and share reach (recorded as {@code pending});
 *       a paused rollout, or one whose share was lowered, keeps serving the computers it already assigned.</li>
 *   <li>A computer that reported the rollout {@code failed} or {@code installed} is not told again.</li>
 * </ul>
 * Content: the latest revision, to every licensed computer that reports an older one.
 */
final class UpdateAdvice {
    static final String DOWNLOAD_PATH = "/v1/packages/";

    private UpdateAdvice() {}

    /**
     * What the product's current rollout offers {@code computer}, from memory alone.
     *
     * @param reached whether the rollout, running, reaches it now by group and share
     * @param blockedBy why it cannot install it yet (minimum client version); empty when it can
     */
    record Offer(Rollout rollout, Release release, boolean reached, String blockedBy) {
        boolean assigns(Optional<UpdateRecord> record) {
            return record.map(known -> known.state() == UpdateState.PENDING || known.state() == UpdateState.DOWNLOADING)
                    .orElse(reached);
        }
    }

    static Optional<Offer> offer(ReleaseCatalog catalog, Computer computer, Product product) {
        Optional<Rollout> current = catalog.currentRollout(product);
        if (current.isEmpty() || current.get().state() == State.HALTED) {
            return Optional.empty();
        }
        Rollout rollout = current.get();
        Optional<Release> release = catalog.release(product, rollout.version());
        if (release.isEmpty()) {
            return Optional.empty();
        }
        int order = release.get().version().compareTo(installed(computer, product));
        if (order == 0 || (order < 0 && !release.get().manifest().downgrade())) {
            return Optional.empty();
        }
        Version client = computer.clientVersion() == null ? Version.NONE : computer.clientVersion();
        Version minimum = release.get().manifest().minimumClientVersion();
        String blockedBy = client.compareTo(minimum) < 0
                ? "needs Client Service " + minimum.display() + " or newer (it runs " + client.display() + ")" : "";
        boolean reached = rollout.state() == State.RUNNING && rollout.reaches(computer);
        return Optional.of(new Offer(rollout, release.get(), reached, blockedBy));
    }

    /** The version of {@code product} the computer reports running: the Recorder's, or the Client Service's own. */
    static Version installed(Computer computer, Product product) {
        if (product == Product.RECORDER) {
            return computer.recorderVersion();
        }
        return computer.clientVersion() == null ? Version.NONE : computer.clientVersion();
    }

    /** Inside the check-in's write: the directives for a licensed computer; newly assigned ones are recorded pending. */
    static CheckInDirectives advise(ReleaseCatalog catalog, UpdateRecordWrites writes, Computer computer,
            Instant now) {
        List<UpdateDirective> directives = new ArrayList<>();
        List<UpdateRecord> records = null;
        for (Product product : Product.values()) {
            Optional<Offer> offer = offer(catalog, computer, product).filter(found -> found.blockedBy().isEmpty());
            if (offer.isEmpty()) {
                continue;
            }
            if (records == null) {
                records = writes.updateRecords(computer.id());
            }
            Rollout rollout = offer.get().rollout();
            Optional<UpdateRecord> record = find(records, product, rollout.id());
            if (!offer.get().assigns(record)) {
                continue;
            }
            Release release = offer.get().release();
            if (record.isEmpty()) {
                writes.saveUpdateRecord(computer.id(), new UpdateRecord(product, rollout.id(), release.version(),
                        UpdateState.PENDING, "", now));
            }
            directives.add(new UpdateDirective(release.document(), DOWNLOAD_PATH + release.sha256(), rollout.id()));
        }
        ContentDirective content = catalog.latestContent()
                .filter(latest -> latest.revision() > computer.profile().contentRevision())
                .map(latest -> new ContentDirective(latest.document(), DOWNLOAD_PATH + latest.sha256()))
                .orElse(null);
        return new CheckInDirectives(directives, content);
    }

    /**
     * Inside the check-in's write: records the client's reports. A report counts toward a rollout only
     * if that rollout assigned the computer; otherwise it is kept under rollout 0. Returns the
     * rollouts in which the computer newly failed.
     */
    static Set<Long> record(UpdateRecordWrites writes, Computer computer, List<UpdateReport> reports, String actor,
            Instant now) {
        if (reports.isEmpty()) {
            return Set.of();
        }
        List<UpdateRecord> records = new ArrayList<>(writes.updateRecords(computer.id()));
        Set<Long> newlyFailed = new HashSet<>();
        for (UpdateReport report : reports) {
            // Only a seat holder the rollout directed counts for it: anything else is recorded outside any rollout.
            long rolloutId = computer.holdsSeat() && find(records, report.product(), report.rolloutId()).isPresent()
                    ? report.rolloutId() : 0;
            Optional<UpdateRecord> before = find(records, report.product(), rolloutId);
            UpdateRecord after = new UpdateRecord(report.product(), rolloutId, report.version(), report.state(),
                    report.reason(), now);
            if (after.sameAs(before.orElse(null))) {
                continue;
            }
            writes.saveUpdateRecord(computer.id(), after);
            before.ifPresent(records::remove);
            records.add(after);
            if (after.state() == UpdateState.FAILED
                    && before.map(known -> known.state() != UpdateState.FAILED).orElse(true)) {
                writes.audit(new AuditEvent(now, actor, AuditAction.UPDATE_FAILED, computer.identity().display(),
                        Release.nameOf(after.product(), after.version())
                                + (rolloutId == 0 ? "" : " (rollout " + rolloutId + ")") + ": " + after.reason()));
                if (rolloutId != 0) {
                    newlyFailed.add(rolloutId);
                }
            }
        }
        return newlyFailed;
    }

    /** Where {@code computer} stands with each product: its current assignment, else its latest record; products with neither are left out. */
    static List<UpdateView> views(ReleaseCatalog catalog, UpdateRecords reads, Computer computer) {
        List<UpdateRecord> records = reads.updateRecords(computer.id());
        List<UpdateView> views = new ArrayList<>();
        for (Product product : Product.values()) {
            Version installed = installed(computer, product);
            Optional<Offer> offer = offer(catalog, computer, product);
            Optional<UpdateRecord> record = offer.flatMap(found -> find(records, product, found.rollout().id()));
            if (offer.isPresent() && offer.get().assigns(record)) {
                Offer assigned = offer.get();
                String reason = assigned.blockedBy().isEmpty() ? record.map(UpdateRecord::reason).orElse("")
                        : assigned.blockedBy();
                views.add(new UpdateView(product, installed, assigned.release().version(),
                        record.map(UpdateRecord::state).orElse(UpdateState.PENDING), reason, assigned.rollout().id()));
                continue;
            }
            records.stream().filter(known -> known.product() == product)
                    .max(Comparator.comparing(UpdateRecord::updatedAt).thenComparingLong(UpdateRecord::rolloutId))
                    .ifPresent(latest -> views.add(new UpdateView(product, installed, latest.version(), latest.state(),
                            latest.reason(), latest.rolloutId())));
        }
        return views;
    }

    private static Optional<UpdateRecord> find(List<UpdateRecord> records, Product product, long rolloutId) {
        return records.stream().filter(record -> record.isFor(product, rolloutId)).findFirst();
    }
}
