package dev.primary.client.http;

import dev.primary.client.service.ContactFailedException;
import dev.primary.client.service.PackageBody;
import dev.primary.client.service.RequestRefusedException;
import dev.primary.client.service.ServerUnreachableException;
import dev.primary.protocol.crypto.RequestSignature;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.json.MalformedJsonException;
import dev.primary.protocol.message.Problem;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * {@code GET /v1/packages/<sha256>} over the pinned TLS: signed like every client request (over an empty body),
 * {@code Range: bytes=N-} to resume, and a read timeout so a stalled transfer ends (and resumes later) instead
 * of hanging. Uses {@link HttpsURLConnection} for its per-read timeout; trust comes from the pin alone, as for
 * every other request.
 */
final class HttpPackageDownload {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final int MAX_PROBLEM_BYTES = 64 * 1024;

    private final SSLSocketFactory socketFactory;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    HttpPackageDownload(SSLSocketFactory socketFactory, Duration connectTimeout, Duration readTimeout) {
        this.socketFactory = socketFactory;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** Sends the request and waits for the answer's headers; the body is left to the caller. */
    PackageBody open(URI uri, String path, long offset, SigningKey clientKey, long sequence)
            throws ContactFailedException {
        HttpsURLConnection http = null;
        try {
            http = (HttpsURLConnection) uri.toURL().openConnection();
            http.setSSLSocketFactory(socketFactory);
            http.setHostnameVerifier((host, session) -> true);
            http.setConnectTimeout((int) connectTimeout.toMillis());
            http.setReadTimeout((int) readTimeout.toMillis());
            http.setInstanceFollowRedirects(false);
            http.setUseCaches(false);
            http.setRequestMethod("GET");
            http.setRequestProperty("Accept-Encoding", "identity");
            http.setRequestProperty(RequestSignature.CLIENT_ID, clientKey.publicKey().keyId());
            http.setRequestProperty(RequestSignature.SEQUENCE, Long.toString(sequence));
            http.setRequestProperty(RequestSignature.SIGNATURE,
                    RequestSignature.sign(clientKey, "GET", path, sequence, new byte[0]));
            if (offset > 0) {
                http.setRequestProperty("Range", "bytes=" + offset + "-");
            }
            int status = http.getResponseCode();
            return body(http, path, status, offset);
        } catch (IOException e) {
            disconnect(http);
            throw new ServerUnreachableException(TransportFailure.describe(e, connectTimeout, readTimeout), e);
        }
    }

    private static PackageBody body(HttpsURLConnection http, String path, int status, long offset)
            throws IOException, ContactFailedException {
        if (status == HttpURLConnection.HTTP_OK) {
            return new PackageBody(0, http.getContentLengthLong(), closing(http, http.getInputStream()));
        }
        if (status == HttpURLConnection.HTTP_PARTIAL) {
            Matcher range = CONTENT_RANGE.matcher(String.valueOf(http.getHeaderField("Content-Range")));
            if (!range.matches()) {
                disconnect(http);
                throw new ServerUnreachableException("answered GET " + path + " with 206 but Content-Range \""
                        + http.getHeaderField("Content-Range") + "\"");
            }
            long start = Long.parseLong(range.group(1));
            if (start != offset) {
                disconnect(http);
                throw new ServerUnreachableException("answered GET " + path + " from byte " + start
                        + " when asked for byte " + offset);
            }
            return new PackageBody(start, http.getContentLengthLong(), closing(http, http.getInputStream()));
        }
        Problem problem = problemOf(http, status);
        disconnect(http);
        if (status >= 500) {
            throw new ServerUnreachableException("answered GET " + path + " with HTTP " + status
                    + (problem.detail().isEmpty() ? "" : ": " + problem.detail()));
        }
        throw new RequestRefusedException(problem);
    }

    private static Problem problemOf(HttpsURLConnection http, int status) {
        InputStream error = http.getErrorStream();
        byte[] body = new byte[0];
        if (error != null) {
            try (error) {
                body = error.readNBytes(MAX_PROBLEM_BYTES);
            } catch (IOException e) {
                body = new byte[0];
            }
        }
        try {
            return Json.read(body, Problem.class);
        } catch (MalformedJsonException e) {
            return new Problem("about:blank", "HTTP " + status, status, "the answer is not a problem document");
        }
    }

    /** A body whose close also drops the connection, so an abandoned transfer does not linger. */
    private static InputStream closing(HttpsURLConnection http, InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    http.disconnect();
                }
            }
        };
    }

    private static void disconnect(HttpsURLConnection http) {
        if (http != null) {
            http.disconnect();
        }
    }
}
