package dev.primary.client.update;

import dev.primary.protocol.release.ContentDirective;
import dev.primary.protocol.release.ContentManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content updates ("signature files"): a newer revision, signed with a pinned release key, is downloaded like a
 * package, installed into {@code content/<revision>/<fileName>} and made current atomically; the applied revision
 * rides on every check-in and report. An older revision, a bad signature or a bad file is refused (logged, never
 * retried for the same directive); content has no update report of its own.
 */
final class ContentUpdates {
    static final String SLOT = "content";
    private static final Logger LOG = LoggerFactory.getLogger(ContentUpdates.class);
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final InstalledVersions versions;
    private final UpdateLedger ledger;
    private final DownloadJobs jobs;
    private final Supplier<ReleaseKeys> keys;
    private final Runnable report;
    private long revision;

    ContentUpdates(InstalledVersions versions, UpdateLedger ledger, DownloadJobs jobs, Supplier<ReleaseKeys> keys,
            Runnable report) {
        this.versions = versions;
        this.ledger = ledger;
        this.jobs = jobs;
        this.keys = keys;
        this.report = report;
    }

    /** The revision applied now; 0 = none. */
    long revision() {
        return revision;
    }

    void start() {
        revision = versions.content().map(InstalledContent::revision).orElse(0L);
    }

    /** The content directive of a licensed answer; none means the server has nothing newer (a download is dropped). */
    void directed(Optional<ContentDirective> directive) {
        directive.ifPresentOrElse(this::directed, () -> jobs.discard(SLOT));
    }

    private void directed(ContentDirective directive) {
        String fingerprint = UpdateAgent.fingerprint(directive.manifest(), directive.download(), 0);
        if (jobs.working(SLOT, fingerprint) || ledger.refusal(SLOT, fingerprint).isPresent()) {
            return;
        }
        ContentManifest manifest;
        try {
            manifest = keys.get().content(directive.manifest());
        } catch (UpdateRefusedException e) {
            refuse(fingerprint, e.getMessage());
            return;
        }
        if (manifest.revision() == revision) {
            return;
        }
        jobs.cancel(SLOT);
        if (manifest.revision() < revision) {
            refuse(fingerprint, "content revision " + manifest.revision() + " is older than the applied revision "
                    + revision);
            return;
        }
        if (!FILE_NAME.matcher(manifest.fileName()).matches()) {
            refuse(fingerprint, "content file name \"" + manifest.fileName() + "\" is not a plain file name");
            return;
        }
        try {
            Delivery delivery = new Delivery(SLOT, fingerprint, "content revision " + manifest.revision(),
                    directive.download(), manifest.size(), manifest.sha256());
            LOG.info("Content revision {} ({} bytes) directed by the server: downloading", manifest.revision(),
                    manifest.size());
            jobs.start(delivery, new Target(manifest, fingerprint));
        } catch (IllegalArgumentException e) {
            refuse(fingerprint, e.getMessage());
        }
    }

    private void refuse(String fingerprint, String reason) {
        LOG.warn("Content update refused: {}", reason);
        ledger.refuseContent(SLOT, fingerprint);
    }

    private final class Target implements UpdateAgent.Target {
        private final ContentManifest manifest;
        private final String fingerprint;

        Target(ContentManifest manifest, String fingerprint) {
            this.manifest = manifest;
            this.fingerprint = fingerprint;
        }

        @Override
        public void install(Path file) {
            try {
                versions.installContent(file, manifest.revision(), manifest.fileName());
            } catch (IOException e) {
                refuse("cannot install content revision " + manifest.revision() + ": " + e.getMessage());
                return;
            }
            versions.makeCurrentContent(new InstalledContent(manifest.revision(), manifest.fileName(), manifest.sha256()));
            LOG.info("Content revision {} applied (was {})", manifest.revision(), revision);
            revision = manifest.revision();
            report.run();
        }

        @Override
        public void refuse(String reason) {
            ContentUpdates.this.refuse(fingerprint, reason);
        }
    }
}
