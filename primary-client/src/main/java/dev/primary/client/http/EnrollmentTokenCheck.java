package dev.primary.client.http;

import dev.primary.client.service.EnrollmentToken;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.json.MalformedJsonException;
import dev.primary.protocol.message.EnrollmentCheck;
import dev.primary.protocol.message.EnrollmentCheckAnswer;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.tls.PinnedTls;
import dev.primary.protocol.tls.TlsPin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.HttpsURLConnection;

/**
 * Asks a Primary Server whether an enrollment token would enroll a computer now ({@code POST /v1/enrollment/check}),
 * over TLS pinned to the key the server was just checked to have: the Deployment Utility and {@code client-service
 * repoint} do this before they write a token into {@code client.json}. Checking uses nothing of the token up.
 */
public final class EnrollmentTokenCheck {
    static final String PATH = "/v1/enrollment/check";

    private final Duration timeout;

    public EnrollmentTokenCheck(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Checks {@code token} with the server at {@code host:port} whose TLS key is {@code pin}.
     *
     * @return what the token enrolls as: its id, label, group, uses left and expiry
     * @throws EnrollmentCheckFailedException when the server refuses the token (with its reason) or cannot check it
     */
    public EnrollmentCheckAnswer check(String host, int port, TlsPin pin, EnrollmentToken token) {
        if (!token.isPresent()) {
            throw new IllegalArgumentException("no enrollment token to check");
        }
        String where = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        HttpsURLConnection http = null;
        int status;
        byte[] body;
        String retryAfter;
        try {
            http = (HttpsURLConnection) URI.create("https://" + where + PATH).toURL().openConnection();
            http.setSSLSocketFactory(PinnedTls.trusting(pin).getSocketFactory());
            http.setHostnameVerifier((name, session) -> true);
            http.setConnectTimeout((int) timeout.toMillis());
            http.setReadTimeout((int) timeout.toMillis());
            http.setInstanceFollowRedirects(false);
            http.setUseCaches(false);
            http.setRequestMethod("POST");
            http.setRequestProperty("Content-Type", "application/json");
            http.setRequestProperty("Accept", "application/json");
            http.setDoOutput(true);
            try (OutputStream out = http.getOutputStream()) {
                out.write(Json.write(new EnrollmentCheck(token.text())));
            }
            status = http.getResponseCode();
            retryAfter = http.getHeaderField("Retry-After");
            body = readAll(status < 400 ? http.getInputStream() : http.getErrorStream());
        } catch (IOException e) {
            throw new EnrollmentCheckFailedException("cannot check " + token + " with " + where + ": "
                    + TransportFailure.describe(e, timeout, timeout), null);
        } finally {
            if (http != null) {
                http.disconnect();
            }
        }
        if (status == 200) {
            try {
                return Json.read(body, EnrollmentCheckAnswer.class);
            } catch (MalformedJsonException e) {
                throw new EnrollmentCheckFailedException(where + " answered the check of " + token
                        + " with something that is not a token check answer: " + e.getMessage(), null);
            }
        }
        throw failure(where, token, status, problemOf(body, status), retryAfter);
    }

    /** {@code k7q2m4xa "lab PCs", group lab, 3 uses left, expires 2026-12-31T00:00:00Z}: all but the secret. */
    public static String describe(EnrollmentCheckAnswer answer) {
        List<String> parts = new ArrayList<>();
        parts.add(answer.tokenId() + (answer.label().isEmpty() ? "" : " \"" + answer.label() + "\""));
        parts.add(answer.group().isEmpty() ? "no group" : "group " + answer.group());
        parts.add(answer.usesLeft() == null ? "unlimited uses"
                : answer.usesLeft() + (answer.usesLeft() == 1 ? " use left" : " uses left"));
        parts.add(answer.expiresAt() == null ? "never expires" : "expires " + answer.expiresAt());
        return String.join(", ", parts);
    }

    private static EnrollmentCheckFailedException failure(String where, EnrollmentToken token, int status,
            Problem problem, String retryAfter) {
        ProblemType type = problem.knownType().orElse(null);
        String detail = problem.detail().isEmpty() ? problem.title() : problem.detail();
        if (type != null && type.name().startsWith("ENROLLMENT_TOKEN_")) {
            return new EnrollmentCheckFailedException(where + " refuses " + token + ": " + detail + " ("
                    + slug(type) + ")", type);
        }
        if (type == ProblemType.TOO_MANY_REQUESTS) {
            String wait = RetryAfter.parse(retryAfter).map(after -> "; try again in " + after.toSeconds() + " s")
                    .orElse("; try again later");
            return new EnrollmentCheckFailedException(where + " checks no more tokens from this address for now: "
                    + detail + wait, null);
        }
        if (status == 404 || status == 405) {
            return new EnrollmentCheckFailedException(where + " cannot check enrollment tokens (HTTP " + status + " on "
                    + PATH + "): it is a Primary Server of an earlier release; upgrade it, or leave the token out", null);
        }
        return new EnrollmentCheckFailedException(where + " answered the check of " + token + " with HTTP " + status
                + ": " + detail, null);
    }

    private static Problem problemOf(byte[] body, int status) {
        try {
            return Json.read(body, Problem.class);
        } catch (MalformedJsonException e) {
            return new Problem("about:blank", "HTTP " + status, status, "");
        }
    }

    private static String slug(ProblemType type) {
        return type.uri().substring(type.uri().lastIndexOf(':') + 1);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        try (in) {
            return in.readAllBytes();
        }
    }
}
