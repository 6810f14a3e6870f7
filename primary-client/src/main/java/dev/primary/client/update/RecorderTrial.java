package dev.primary.client.update;

import dev.primary.client.service.Phrases;
import dev.primary.client.service.Recorder;
import dev.primary.client.service.RecorderExit;
import dev.primary.client.service.RecorderProgram;
import dev.primary.client.service.Scheduler;
import dev.primary.client.service.UpdateHost;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.ReleaseManifest;
import dev.primary.protocol.release.UpdateReport;
import dev.primary.protocol.release.UpdateState;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A newly installed Recorder on trial: switched to atomically, it must stay up for the health period; if it
 * exits (or cannot start) before, the previous version (or the configured Recorder) is put back and started
 * again, and the update reported {@code failed} with the reason. Survives a restart of the service through the
 * ledger: the period starts again. Runs on the service thread.
 */
final class RecorderTrial {
    private static final Logger LOG = LoggerFactory.getLogger(RecorderTrial.class);

    private final Recorder recorder;
    private final InstalledRecorder installed;
    private final UpdateLedger ledger;
    private final Scheduler scheduler;
    private UpdateHost host;
    private Scheduler.Task timer;

    RecorderTrial(Recorder recorder, InstalledRecorder installed, UpdateLedger ledger, Scheduler scheduler) {
        this.recorder = recorder;
        this.installed = installed;
        this.ledger = ledger;
        this.scheduler = scheduler;
    }

    /** At start: a Recorder still on trial (the service stopped during its health period) starts its period again. */
    void resume(UpdateHost serviceHost) {
        this.host = serviceHost;
        Optional<UpdateLedger.Trial> trial = ledger.trial();
        if (trial.isEmpty()) {
            return;
        }
        Optional<InstalledPackage> current = installed.versions().current(Product.RECORDER);
        if (current.isEmpty() || !current.get().version().equals(trial.get().version())) {
            ledger.trial(null);
            return;
        }
        LOG.info("Recorder {} was on trial when the service stopped: checking again that it stays up for {}",
                trial.get().version().display(), Phrases.duration(healthPeriod()));
        timer = scheduler.schedule(healthPeriod(), this::passed);
    }

    boolean active() {
        return ledger.trial().isPresent();
    }

    boolean covers(String fingerprint) {
        return ledger.trial().map(trial -> trial.fingerprint().equals(fingerprint)).orElse(false);
    }

    /** Switches to the installed release (already in place) and starts its health period. */
    void begin(ReleaseManifest manifest, long rolloutId, String fingerprint) {
        InstalledVersions versions = installed.versions();
        InstalledPackage previous = versions.current(Product.RECORDER).map(InstalledPackage::alone).orElse(null);
        InstalledPackage next = new InstalledPackage(manifest.version(), manifest.fileName(), manifest.sha256(), previous);
        versions.makeCurrent(Product.RECORDER, next);
        ledger.trial(new UpdateLedger.Trial(manifest.version(), rolloutId, fingerprint));
        ledger.put(new UpdateReport(Product.RECORDER, manifest.version(), rolloutId, UpdateState.DOWNLOADING,
                "installed; checking that it stays up for " + Phrases.duration(healthPeriod())), fingerprint);
        LOG.info("Recorder {} installed: switching to it; it must stay up for {}", manifest.version().display(),
                Phrases.duration(healthPeriod()));
        recorder.switchTo(installed.programOf(next));
        cancelTimer();
        timer = scheduler.schedule(healthPeriod(), this::passed);
    }

    /** The Recorder ended on its own: a version on trial is rolled back. */
    void exited(RecorderExit exit) {
        Optional<UpdateLedger.Trial> trial = ledger.trial();
        if (trial.isEmpty() || !trial.get().version().equals(exit.version())) {
            return;
        }
        cancelTimer();
        InstalledVersions versions = installed.versions();
        InstalledPackage previous = versions.current(Product.RECORDER).map(InstalledPackage::previous).orElse(null);
        if (previous != null) {
            versions.makeCurrent(Product.RECORDER, previous);
        } else {
            versions.clearCurrent(Product.RECORDER);
        }
        RecorderProgram back = installed.programOf(previous);
        String reason = "Recorder " + exit.version().display() + " " + exit.describe() + "; rolled back to "
                + back.version().display();
        LOG.warn("Update failed: {}", reason);
        ledger.trial(null);
        ledger.fail(new UpdateReport(Product.RECORDER, trial.get().version(), trial.get().rolloutId(),
                UpdateState.FAILED, UpdateAgent.shortened(reason)), trial.get().fingerprint());
        recorder.switchTo(back);
        versions.prune(Product.RECORDER, versionsIn(versions.current(Product.RECORDER)));
        host.report();
    }

    void stop() {
        cancelTimer();
    }

    private void passed() {
        timer = null;
        Optional<UpdateLedger.Trial> trial = ledger.trial();
        if (trial.isEmpty()) {
            return;
        }
        Version version = trial.get().version();
        LOG.info("Recorder {} stayed up for {}: update installed", version.display(), Phrases.duration(healthPeriod()));
        ledger.trial(null);
        ledger.put(new UpdateReport(Product.RECORDER, version, trial.get().rolloutId(), UpdateState.INSTALLED, ""),
                trial.get().fingerprint());
        InstalledVersions versions = installed.versions();
        versions.prune(Product.RECORDER, versionsIn(versions.current(Product.RECORDER)));
        host.report();
    }

    /** The versions a pointer needs on disk: its own and the one to roll back to. */
    private static Set<Version> versionsIn(Optional<InstalledPackage> current) {
        Set<Version> keep = new HashSet<>();
        current.ifPresent(pointer -> {
            keep.add(pointer.version());
            if (pointer.previous() != null) {
                keep.add(pointer.previous().version());
            }
        });
        return keep;
    }

    private Duration healthPeriod() {
        return host.settings().updates().healthPeriod();
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
