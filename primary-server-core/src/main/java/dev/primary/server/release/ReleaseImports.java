package dev.primary.server.release;

import dev.primary.protocol.admin.ContentView;
import dev.primary.protocol.admin.ReleaseView;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.ContentManifest;
import dev.primary.protocol.release.ReleaseManifest;
import dev.primary.server.audit.AuditAction;
import dev.primary.server.audit.AuditEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How releases and content updates get onto this server: the signed manifest is verified against
 * the trusted release keys, its package must already be uploaded with the size and digest it
 * names, and its version (or revision) must be newer than any before it, unless the manifest is
 * signed as a downgrade. The same document added twice is accepted once.
 */
final class ReleaseImports {
    private static final Logger LOG = LoggerFactory.getLogger(ReleaseImports.class);

    private final CatalogCache catalog;
    private final PackageStore packages;
    private final ReleaseDocuments documents;
    private final Clock clock;

    ReleaseImports(CatalogCache catalog, PackageStore packages, ReleaseDocuments documents, Clock clock) {
        this.catalog = catalog;
        this.packages = packages;
        this.documents = documents;
        this.clock = clock;
    }

    ReleaseView addRelease(SignedDocument document, String actor) {
        ReleaseManifest manifest = documents.release(document);
        String name = Release.nameOf(manifest.product(), manifest.version());
        requirePackage(manifest.sha256(), manifest.size(), "release " + name);
        ReleaseView view = catalog.change(writes -> {
            Optional<Release> same = writes.releases().stream()
                    .filter(known -> known.product() == manifest.product() && known.version().equals(manifest.version()))
                    .findFirst();
            if (same.isPresent()) {
                return alreadyAdded(writes, same.get(), document, name);
            }
            Optional<Version> newest = writes.releases().stream().filter(known -> known.product() == manifest.product())
                    .map(Release::version).max(Comparator.naturalOrder());
            if (newest.isPresent() && manifest.version().compareTo(newest.get()) <= 0 && !manifest.downgrade()) {
                throw new ReleaseNotNewerException("release " + name + " is not newer than the newest "
                        + manifest.product().wireName() + " release " + newest.get().display()
                        + "; only a release signed as a downgrade may be older");
            }
            Instant now = clock.instant();
            Release release = new Release(manifest, document, now);
            writes.insertRelease(release);
            writes.audit(new AuditEvent(now, actor, AuditAction.RELEASE_ADDED, release.subject(), describe(release)));
            return release.view(writes.computersRunning(release.product(), release.version()));
        });
        LOG.info("release {} added ({} bytes, sha256 {})", name, manifest.size(), manifest.sha256());
        return view;
    }

    private static ReleaseView alreadyAdded(ReleaseWrites writes, Release known, SignedDocument document,
            String name) {
        if (!known.document().signature().equals(document.signature())) {
            throw new ReleaseNotNewerException("release " + name + " was already added (from another manifest,"
                    + " signed by " + known.signedBy() + "); a version is added once");
        }
        return known.view(writes.computersRunning(known.product(), known.version()));
    }

    private static String describe(Release release) {
        ReleaseManifest manifest = release.manifest();
        return "package " + manifest.fileName() + " (" + manifest.size() + " bytes, sha256 " + manifest.sha256()
                + "), signed by " + release.signedBy()
                + (manifest.minimumClientVersion().equals(Version.NONE) ? ""
                        : ", needs Client Service " + manifest.minimumClientVersion().display() + " or newer")
                + (manifest.downgrade() ? ", signed downgrade" : "");
    }

    ContentView addContent(SignedDocument document, String actor) {
        ContentManifest manifest = documents.content(document);
        requirePackage(manifest.sha256(), manifest.size(), "content revision " + manifest.revision());
        ContentView view = catalog.change(writes -> {
            Optional<ContentUpdate> latest = writes.contents().stream()
                    .max(Comparator.comparingLong(ContentUpdate::revision));
            Optional<ContentUpdate> same = writes.contents().stream()
                    .filter(known -> known.revision() == manifest.revision()).findFirst();
            if (same.isPresent() && same.get().document().signature().equals(document.signature())) {
                return same.get().view(writes.computersWithContent(manifest.revision()));
            }
            if (latest.isPresent() && manifest.revision() <= latest.get().revision()) {
                throw new ReleaseNotNewerException("content revision " + manifest.revision()
                        + " is not newer than the latest revision " + latest.get().revision());
            }
            Instant now = clock.instant();
            ContentUpdate content = new ContentUpdate(manifest, document, now);
            writes.insertContent(content);
            writes.audit(new AuditEvent(now, actor, AuditAction.CONTENT_ADDED, content.subject(),
                    "file " + manifest.fileName() + " (" + manifest.size() + " bytes, sha256 " + manifest.sha256()
                            + "), signed by " + document.keyId()));
            return content.view(writes.computersWithContent(manifest.revision()));
        });
        LOG.info("content revision {} added ({} bytes)", manifest.revision(), manifest.size());
        return view;
    }

    /** The package must be uploaded, and be the size the manifest says (its address is its SHA-256). */
    private void requirePackage(String sha256, long size, String what) {
        Optional<PackageStore.StoredPackage> stored = packages.open(sha256);
        if (stored.isEmpty()) {
            throw new ReleaseInvalidException("the package of " + what + " (sha256 " + sha256
                    + ") is not uploaded; upload it first with PUT /admin/v1/packages/" + sha256);
        }
        try (PackageStore.StoredPackage open = stored.get()) {
            if (open.size() != size) {
                throw new ReleaseInvalidException("the package of " + what + " (sha256 " + sha256 + ") is "
                        + open.size() + " bytes, but the manifest says " + size + " bytes");
            }
        }
    }
}
