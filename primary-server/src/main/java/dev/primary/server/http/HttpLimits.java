package dev.primary.server.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What one connection may send, and how long it may stay idle.
 *
 * @param maxBodyBytes largest request body (larger: 413, connection closed)
 * @param maxHeaderBytes largest header block (larger: 400, connection closed)
 * @param maxRequestLineBytes longest request line
 * @param idleTimeout a connection with no traffic this long is closed
 * @param deadlines how long a request's head and body may take to arrive
 */
public record HttpLimits(int maxBodyBytes, int maxHeaderBytes, int maxRequestLineBytes, Duration idleTimeout,
        ReadDeadlines deadlines) {
    public static final int DEFAULT_MAX_HEADER_BYTES = 8 * 1024;
    public static final int DEFAULT_MAX_REQUEST_LINE_BYTES = 4 * 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    public HttpLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(deadlines, "deadlines");
        if (maxBodyBytes < 1 || maxHeaderBytes < 1 || maxRequestLineBytes < 1) {
            throw new IllegalArgumentException("HTTP limits must be positive");
        }
        if (idleTimeout.isZero() || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idle timeout must be positive");
        }
    }

    public HttpLimits(int maxBodyBytes, int maxHeaderBytes, int maxRequestLineBytes, Duration idleTimeout) {
        this(maxBodyBytes, maxHeaderBytes, maxRequestLineBytes, idleTimeout, ReadDeadlines.DEFAULT);
    }

    /** The defaults, with this body limit. */
    public static HttpLimits withMaxBody(int maxBodyBytes) {
        return new HttpLimits(maxBodyBytes, DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_REQUEST_LINE_BYTES,
                DEFAULT_IDLE_TIMEOUT);
    }

    /** These limits with other read deadlines. */
    public HttpLimits withDeadlines(ReadDeadlines value) {
        return new HttpLimits(maxBodyBytes, maxHeaderBytes, maxRequestLineBytes, idleTimeout, value);
    }
}
