package dev.primary.client.update;

import dev.primary.client.service.Phrases;
import dev.primary.client.service.Scheduler;
import dev.primary.client.service.UpdateHost;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.ReleaseManifest;
import dev.primary.protocol.release.UpdateReport;
import dev.primary.protocol.release.UpdateState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A new Client Service version on trial. Installing it unpacks its jars, selects it ({@link ServiceSelection}) and
 * restarts the service into it; the new version must then reach the server (any authenticated answer to a
 * check-in) within the service health period. If it does, the update is {@code installed} and older versions are
 * deleted. If it does not, it selects the version it replaced again, notes why and restarts into it; a version that
 * cannot even start is rolled back by the launcher after a bounded number of starts. Either way the version rolled
 * back to finds the note when it starts and reports the update {@code failed} with it. Runs on the service thread.
 */
final class ServiceTrial {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceTrial.class);

    private final ServiceSelection selection;
    private final InstalledVersions versions;
    private final UpdateLedger ledger;
    private final Scheduler scheduler;
    private final Version running;
    private final ServiceRestart restart;
    private UpdateHost host;
    private ServiceSelection.Trial onTrial;
    private Scheduler.Task timer;

    ServiceTrial(ServiceSelection selection, InstalledVersions versions, UpdateLedger ledger, Scheduler scheduler,
            Version running, ServiceRestart restart) {
        this.selection = selection;
        this.versions = versions;
        this.ledger = ledger;
        this.scheduler = scheduler;
        this.running = running;
        this.restart = restart;
    }

    /**
     * At start: this version on trial starts its health period; a trial that ended in a rollback to this version
     * is reported {@code failed}; a version staged but never started waits.
     */
    void resume(UpdateHost serviceHost) {
        this.host = serviceHost;
        Optional<ServiceSelection.Trial> found = selection.trial();
        if (found.isEmpty()) {
            return;
        }
        ServiceSelection.Trial trial = found.get();
        boolean thisVersion = trial.version().equals(running);
        if (thisVersion && trial.failure().isEmpty()) {
            onTrial = trial;
            LOG.info("Client Service {} on trial: it must reach the server within {}, or {} runs again",
                    running.display(), Phrases.duration(healthPeriod()), trial.rollbackVersion().display());
            ledger.put(report(trial, UpdateState.DOWNLOADING, "running; it must reach the server within "
                    + Phrases.duration(healthPeriod())), trial.fingerprint());
            timer = scheduler.schedule(healthPeriod(), this::timedOut);
            return;
        }
        if (trial.failure().isEmpty() && trial.launches() == 0) {
            LOG.info("Client Service {} is staged: it runs once a launcher that starts staged versions restarts the "
                    + "service", trial.version().display());
            return;
        }
        Version back = thisVersion ? trial.rollbackVersion() : running;
        String why = trial.failure().orElse("did not start (started " + trial.launches() + " times)");
        String reason = "Client Service " + trial.version().display() + " " + why + "; rolled back to " + back.display();
        LOG.warn("Update failed: {}", reason);
        ledger.fail(report(trial, UpdateState.FAILED, UpdateAgent.shortened(reason)), trial.fingerprint());
        selection.endTrial();
        if (!selection.selected().equals(Optional.of(trial.version()))) {
            deleteQuietly(selection.versionDir(trial.version()));
        }
        host.report();
    }

    /** Whether this directive is the one staged or on trial. */
    boolean covers(String fingerprint) {
        return selection.trial()
                .filter(trial -> trial.failure().isEmpty())
                .filter(trial -> trial.fingerprint().equals(fingerprint))
                .isPresent();
    }

    /** Whether this version is on trial now. */
    boolean active() {
        return onTrial != null;
    }

    /**
     * Unpacks the verified package, selects it and restarts into it (when a launcher can).
     *
     * @throws UpdateRefusedException when the package is not a Client Service package
     */
    void begin(ReleaseManifest manifest, long rolloutId, String fingerprint, Path packageFile)
            throws UpdateRefusedException, IOException {
        Version version = manifest.version();
        ServicePackage.unpack(packageFile, selection.versionDir(version));
        Optional<Version> rollback = selection.selected().filter(running::equals);
        selection.beginTrial(version, rollback, running, rolloutId, fingerprint);
        if (restart.available()) {
            LOG.info("Client Service {} installed: restarting into it; it must reach the server within {}",
                    version.display(), Phrases.duration(healthPeriod()));
            ledger.put(new UpdateReport(Product.CLIENT_SERVICE, version, rolloutId, UpdateState.DOWNLOADING,
                    "installed; restarting into it"), fingerprint);
            restart.request();
        } else {
            LOG.info("Client Service {} installed in {}: it runs when a launcher that starts staged versions restarts "
                    + "the service", version.display(), selection.libDir(version));
            ledger.put(new UpdateReport(Product.CLIENT_SERVICE, version, rolloutId, UpdateState.DOWNLOADING,
                    "installed; starts when the service restarts"), fingerprint);
            host.report();
        }
    }

    /** The server answered an authenticated check-in: a version on trial passes. */
    void reachedServer() {
        if (onTrial == null) {
            return;
        }
        ServiceSelection.Trial trial = onTrial;
        onTrial = null;
        cancelTimer();
        LOG.info("Client Service {} reached the server: update installed", running.display());
        selection.endTrial();
        ledger.put(report(trial, UpdateState.INSTALLED, ""), trial.fingerprint());
        Set<Version> keep = new HashSet<>();
        keep.add(trial.version());
        trial.rollback().ifPresent(keep::add);
        versions.prune(Product.CLIENT_SERVICE, keep);
        host.report();
    }

    void stop() {
        cancelTimer();
    }

    private void timedOut() {
        timer = null;
        if (onTrial == null) {
            return;
        }
        ServiceSelection.Trial trial = onTrial;
        onTrial = null;
        String why = "did not reach the server within " + Phrases.duration(healthPeriod());
        LOG.warn("Update failed: Client Service {} {}; going back to {}", running.display(), why,
                trial.rollbackVersion().display());
        selection.rollBack(trial, why);
        if (restart.available()) {
            restart.request();
        } else {
            LOG.warn("This service was not started by a launcher that restarts it: {} runs at its next start",
                    trial.rollbackVersion().display());
        }
    }

    private Duration healthPeriod() {
        return host.settings().updates().serviceHealthPeriod();
    }

    private static UpdateReport report(ServiceSelection.Trial trial, UpdateState state, String reason) {
        return new UpdateReport(Product.CLIENT_SERVICE, trial.version(), trial.rolloutId(), state, reason);
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            ServicePackage.deleteTree(dir);
        } catch (IOException e) {
            LOG.info("{} not deleted: {}", dir, e.getMessage());
        }
    }
}
