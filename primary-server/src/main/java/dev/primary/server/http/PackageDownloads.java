package dev.primary.server.http;

import dev.primary.protocol.release.ReleaseManifest;
import dev.primary.server.licensing.ClientProtocol;
import dev.primary.server.release.PackageStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /v1/packages/<sha256>}: a client fetches a release or content package, authenticated like every
 * client call (signature headers over an empty body) and allowed by the core; the package streams from disk,
 * whole (200) or one range of it (206, so an interrupted download resumes). {@code ETag} is the quoted SHA-256:
 * the bytes behind an address never change.
 */
final class PackageDownloads {
    static final String OCTETS = "application/octet-stream";

    private final ClientProtocol protocol;
    private final PackageStore packages;

    PackageDownloads(ClientProtocol protocol, PackageStore packages) {
        this.protocol = protocol;
        this.packages = packages;
    }

    Reply serve(Request request) {
        String sha256 = MalformedParameterException.parsing(
                () -> ReleaseManifest.requireSha256(request.pathParameter("sha256")));
        protocol.authorizeDownload(ClientAuthentication.credentials(request), sha256);
        PackageStore.StoredPackage stored = packages.open(sha256)
                .orElseThrow(() -> new PackageNotStoredException(sha256));
        try {
            return reply(request, stored);
        } catch (RuntimeException e) {
            stored.close();
            throw e;
        }
    }

    private static Reply reply(Request request, PackageStore.StoredPackage stored) {
        String etag = "\"" + stored.sha256() + "\"";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept-Ranges", "bytes");
        headers.put("ETag", etag);
        Optional<String> rangeHeader = request.header("Range")
                .filter(range -> request.header("If-Range").map(etag::equals).orElse(true));
        Optional<ByteRange> range = ByteRange.of(rangeHeader, stored.size());
        if (range.isEmpty()) {
            return new FileReply(200, OCTETS, headers, stored.channel(), 0, stored.size(), stored);
        }
        headers.put("Content-Range", range.get().contentRange(stored.size()));
        return new FileReply(206, OCTETS, headers, stored.channel(), range.get().first(), range.get().length(), stored);
    }
}
