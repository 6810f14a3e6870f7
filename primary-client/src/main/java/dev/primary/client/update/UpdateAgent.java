package dev.primary.client.update;

import dev.primary.client.home.ClientHome;
import dev.primary.client.service.Recorder;
import dev.primary.client.service.Scheduler;
import dev.primary.client.service.UpdateHost;
import dev.primary.client.service.Updates;
import dev.primary.protocol.crypto.Sha256;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.ContentDirective;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.ReleaseManifest;
import dev.primary.protocol.release.UpdateDirective;
import dev.primary.protocol.release.UpdateReport;
import dev.primary.protocol.release.UpdateState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's update agent: takes the server's directives from each {@code licensed} answer, verifies the
 * signed manifests against the pinned release keys, refuses what it must (signature, anti-rollback, minimum
 * client version, digest, size), downloads on its own thread with range resume, installs side by side and
 * switches atomically: the Recorder on trial ({@link RecorderTrial}), the Client Service restarted into the new
 * version on trial ({@link ServiceTrial}), content applied ({@link ContentUpdates}). Reports where each update stands until the server
 * acknowledges it by no longer sending the directive. Runs on the service thread; only downloads run on the
 * download executor.
 */
public final class UpdateAgent implements Updates {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateAgent.class);

    private final Recorder recorder;
    private final InstalledRecorder installed;
    private final Version clientVersion;
    private final DownloadJobs jobs;
    private final UpdateLedger ledger;
    private final RecorderTrial trial;
    private final ServiceTrial serviceTrial;
    private final ContentUpdates content;
    private UpdateHost host;

    /**
     * @param firstRetry wait before resuming an interrupted download (doubling while no byte arrives)
     * @param maxRetry the longest wait between attempts
     */
    public record Timing(Duration firstRetry, Duration maxRetry) {
        public static final Timing DEFAULTS = new Timing(Duration.ofSeconds(5), Duration.ofMinutes(5));

        public Timing {
            Objects.requireNonNull(firstRetry, "firstRetry");
            Objects.requireNonNull(maxRetry, "maxRetry");
        }
    }

    public UpdateAgent(ClientHome home, Recorder recorder, InstalledRecorder installed, Scheduler scheduler,
            Executor downloads, Version clientVersion, Timing timing) {
        this(home, recorder, installed, scheduler, downloads, clientVersion, timing, ServiceRestart.NONE);
    }

    /** @param restart how the service restarts into a new Client Service version ({@link ServiceRestart#NONE}: it cannot) */
    public UpdateAgent(ClientHome home, Recorder recorder, InstalledRecorder installed, Scheduler scheduler,
            Executor downloads, Version clientVersion, Timing timing, ServiceRestart restart) {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(restart, "restart");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.installed = Objects.requireNonNull(installed, "installed");
        Objects.requireNonNull(scheduler, "scheduler");
        this.clientVersion = Objects.requireNonNull(clientVersion, "clientVersion");
        this.ledger = new UpdateLedger(home.updatesFile());
        this.trial = new RecorderTrial(recorder, installed, ledger, scheduler);
        this.serviceTrial = new ServiceTrial(new ServiceSelection(home), installed.versions(), ledger, scheduler,
                clientVersion, restart);
        this.jobs = new DownloadJobs(downloads, scheduler, home.downloadsDir(), timing, () -> host.connection());
        this.content = new ContentUpdates(installed.versions(), ledger, jobs, this::keys, () -> host.report());
        recorder.onExit(exit -> scheduler.schedule(Duration.ZERO, () -> trial.exited(exit)));
    }

    @Override
    public void start(UpdateHost serviceHost) {
        this.host = Objects.requireNonNull(serviceHost, "serviceHost");
        content.start();
        trial.resume(serviceHost);
        serviceTrial.resume(serviceHost);
    }

    @Override
    public void reachedServer() {
        serviceTrial.reachedServer();
    }

    @Override
    public void directed(List<UpdateDirective> updates, Optional<ContentDirective> contentUpdate) {
        Set<Product> directed = EnumSet.noneOf(Product.class);
        for (UpdateDirective directive : updates) {
            releaseDirected(directive).ifPresent(directed::add);
        }
        for (Product product : Product.values()) {
            if (!directed.contains(product)) {
                acknowledged(product);
            }
        }
        content.directed(contentUpdate);
    }

    @Override
    public List<UpdateReport> reports() {
        return ledger.reports();
    }

    @Override
    public long contentRevision() {
        return content.revision();
    }

    @Override
    public void stop() {
        jobs.cancelAll();
        trial.stop();
        serviceTrial.stop();
    }

    private Optional<Product> releaseDirected(UpdateDirective directive) {
        String fingerprint = fingerprint(directive.manifest(), directive.download(), directive.rolloutId());
        ReleaseManifest manifest;
        try {
            manifest = keys().release(directive.manifest());
        } catch (UpdateRefusedException e) {
            Optional<ReleaseManifest> claimed = ReleaseKeys.claimedRelease(directive.manifest());
            if (claimed.isEmpty()) {
                LOG.warn("Update refused: {} (the manifest does not even say which release it is)", e.getMessage());
                return Optional.empty();
            }
            if (!handled(claimed.get().product(), fingerprint)) {
                fail(claimed.get(), directive.rolloutId(), fingerprint, e.getMessage());
            }
            return Optional.of(claimed.get().product());
        }
        Product product = manifest.product();
        if (handled(product, fingerprint)) {
            return Optional.of(product);
        }
        jobs.cancel(product.wireName());
        try {
            if (alreadyRunning(manifest)) {
                ledger.put(report(manifest, directive.rolloutId(), UpdateState.INSTALLED, "already running"), fingerprint);
                host.report();
                return Optional.of(product);
            }
            Delivery delivery = new Delivery(product.wireName(), fingerprint, label(manifest), directive.download(),
                    manifest.size(), manifest.sha256());
            ledger.put(report(manifest, directive.rolloutId(), UpdateState.DOWNLOADING,
                    "downloading " + manifest.size() + " bytes"), fingerprint);
            LOG.info("Update to {} ({} bytes) directed by the server: downloading", label(manifest), manifest.size());
            jobs.start(delivery, new ReleaseTarget(manifest, directive.rolloutId(), fingerprint));
            host.report();
        } catch (UpdateRefusedException | IllegalArgumentException e) {
            fail(manifest, directive.rolloutId(), fingerprint, e.getMessage());
        }
        return Optional.of(product);
    }

    /** Whether this directive is being worked on, on trial, installed, or was refused (not retried). */
    private boolean handled(Product product, String fingerprint) {
        if (jobs.working(product.wireName(), fingerprint) || trial.covers(fingerprint)
                || serviceTrial.covers(fingerprint)) {
            return true;
        }
        Optional<UpdateLedger.Refusal> refusal = ledger.refusal(product.wireName(), fingerprint);
        if (refusal.isPresent()) {
            if (ledger.entry(product).isEmpty() && refusal.get().report() != null) {
                ledger.put(refusal.get().report(), fingerprint);
            }
            return true;
        }
        return ledger.entry(product)
                .filter(entry -> entry.fingerprint().equals(fingerprint))
                .filter(entry -> entry.report().state() == UpdateState.INSTALLED)
                .isPresent();
    }

    /** The anti-rollback and minimum-version rules; true when the directed version already runs. */
    private boolean alreadyRunning(ReleaseManifest manifest) throws UpdateRefusedException {
        if (manifest.minimumClientVersion().compareTo(clientVersion) > 0) {
            throw new UpdateRefusedException(label(manifest) + " needs Client Service "
                    + manifest.minimumClientVersion().display() + " or later; this is " + clientVersion.display());
        }
        Version running = manifest.product() == Product.RECORDER ? recorder.version() : clientVersion;
        int order = manifest.version().compareTo(running);
        if (order < 0 && !manifest.downgrade()) {
            throw new UpdateRefusedException(label(manifest) + " is older than the running " + running.display()
                    + "; only a release signed as a downgrade may replace a newer version");
        }
        return order == 0;
    }

    /** No directive for {@code product}: the server has what it needs; its report is dropped and a download stopped. */
    private void acknowledged(Product product) {
        if (product == Product.RECORDER && trial.active() || product == Product.CLIENT_SERVICE && serviceTrial.active()) {
            return;
        }
        if (jobs.discard(product.wireName())) {
            LOG.info("The server no longer directs a {} update: download stopped and discarded", product.wireName());
        }
        ledger.remove(product);
    }

    /** What a download is for: how to install it once verified, and how to fail it. */
    interface Target {
        void install(Path file);

        void refuse(String reason);
    }

    private final class ReleaseTarget implements Target {
        private final ReleaseManifest manifest;
        private final long rolloutId;
        private final String fingerprint;

        ReleaseTarget(ReleaseManifest manifest, long rolloutId, String fingerprint) {
            this.manifest = manifest;
            this.rolloutId = rolloutId;
            this.fingerprint = fingerprint;
        }

        @Override
        public void install(Path file) {
            InstalledVersions versions = installed.versions();
            try {
                versions.install(file, manifest.product(), manifest.version(), manifest.fileName());
            } catch (IOException e) {
                refuse("cannot install " + label(manifest) + ": " + e.getMessage());
                return;
            }
            if (manifest.product() == Product.RECORDER) {
                trial.begin(manifest, rolloutId, fingerprint);
                return;
            }
            try {
                serviceTrial.begin(manifest, rolloutId, fingerprint,
                        versions.packageFile(manifest.product(), manifest.version(), manifest.fileName()));
            } catch (UpdateRefusedException e) {
                refuse(e.getMessage());
            } catch (IOException e) {
                refuse("cannot unpack " + label(manifest) + ": " + e.getMessage());
            }
        }

        @Override
        public void refuse(String reason) {
            fail(manifest, rolloutId, fingerprint, reason);
        }
    }

    private void fail(ReleaseManifest manifest, long rolloutId, String fingerprint, String reason) {
        LOG.warn("Update to {} refused: {}", label(manifest), reason);
        ledger.fail(report(manifest, rolloutId, UpdateState.FAILED, shortened(reason)), fingerprint);
        host.report();
    }

    private ReleaseKeys keys() {
        return new ReleaseKeys(host.settings().updates().releaseKeys());
    }

    private static UpdateReport report(ReleaseManifest manifest, long rolloutId, UpdateState state, String reason) {
        return new UpdateReport(manifest.product(), manifest.version(), rolloutId, state, shortened(reason));
    }

    static String label(ReleaseManifest manifest) {
        return manifest.product().wireName() + " " + manifest.version().display();
    }

    static String shortened(String reason) {
        return reason.length() <= 500 ? reason : reason.substring(0, 499) + "…";
    }

    /** A directive's identity: any change of manifest, download path or rollout makes another directive. */
    static String fingerprint(SignedDocument manifest, String download, long rolloutId) {
        String identity = String.join("\n", Long.toString(rolloutId), download, manifest.kind(), manifest.keyId(),
                manifest.payload(), manifest.signature());
        return Sha256.hex(identity.getBytes(StandardCharsets.UTF_8));
    }
}
