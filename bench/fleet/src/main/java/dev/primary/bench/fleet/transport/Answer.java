package dev.primary.bench.fleet.transport;

import java.nio.charset.StandardCharsets;

/**
 * The server's answer to one exchange.
 *
 * @param status the HTTP status
 * @param retryAfterSeconds the {@code Retry-After} header in seconds, or -1 when absent or not a number
 * @param body the body, if kept ({@link BodyMode#KEEP}, or any non-2xx answer); else empty
 * @param bodyBytes how many body bytes arrived (also when they were discarded)
 * @param handshake the TLS handshake this exchange paid for
 */
public record Answer(int status, long retryAfterSeconds, byte[] body, long bodyBytes, Handshake handshake) {
    public Answer {
        body = body == null ? new byte[0] : body;
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    /** The kept body as text, for error messages. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Answer answer && status == answer.status
                && retryAfterSeconds == answer.retryAfterSeconds && java.util.Arrays.equals(body, answer.body)
                && bodyBytes == answer.bodyBytes && handshake == answer.handshake;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(status, retryAfterSeconds, java.util.Arrays.hashCode(body), bodyBytes, handshake);
    }

    @Override
    public String toString() {
        return "Answer[" + status + ", " + bodyBytes + " bytes, " + handshake + "]";
    }
}
