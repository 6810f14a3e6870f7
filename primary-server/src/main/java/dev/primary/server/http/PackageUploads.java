package dev.primary.server.http;

import dev.primary.protocol.release.ReleaseManifest;
import dev.primary.server.release.PackageStore;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * {@code PUT /admin/v1/packages/<sha256>}: an administrator uploads a release or content package, streamed
 * into the {@link PackageStore} (digest checked on the fly, never held in memory). {@code Content-Length}
 * is its announced size; more than {@code max-package} is refused before a byte of the body is read.
 * Answers 201 {@code {"sha256":…,"size":…}}, or 200 when the package was already stored (no second copy).
 */
final class PackageUploads implements UploadHandler {
    private final PackageStore packages;
    private final long maxPackageBytes;

    PackageUploads(PackageStore packages, long maxPackageBytes) {
        this.packages = packages;
        this.maxPackageBytes = maxPackageBytes;
    }

    @Override
    public UploadSink begin(Request head, long contentLength) {
        String sha256 = MalformedParameterException.parsing(
                () -> ReleaseManifest.requireSha256(head.pathParameter("sha256")));
        if (contentLength > maxPackageBytes) {
            throw BodyTooLargeException.packageTooLarge(contentLength, maxPackageBytes);
        }
        boolean alreadyStored = packages.contains(sha256);
        return new StoreSink(packages.begin(sha256, contentLength), sha256, contentLength, alreadyStored);
    }

    /** What the upload answers: where the package now is. */
    record Stored(String sha256, long size) {
    }

    /** The body going into the package store. */
    private static final class StoreSink implements UploadSink {
        private final PackageStore.Upload upload;
        private final String sha256;
        private final long size;
        private final boolean alreadyStored;

        StoreSink(PackageStore.Upload upload, String sha256, long size, boolean alreadyStored) {
            this.upload = upload;
            this.sha256 = sha256;
            this.size = size;
            this.alreadyStored = alreadyStored;
        }

        @Override
        public void write(ByteBuffer bytes) {
            upload.write(bytes);
        }

        @Override
        public Response complete() {
            try {
                upload.complete();
            } finally {
                upload.close();
            }
            return Response.json(alreadyStored ? 200 : 201, new Stored(sha256, size), Map.of());
        }

        @Override
        public void abort() {
            upload.abort();
        }
    }
}
