package dev.primary.server.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a client may take to send a request (nginx's {@code client_header_timeout} and Apache's
 * {@code RequestReadTimeout header=… body=…,MinRate=…}): the whole head within {@code head}, and the body within
 * {@code bodyStart} plus one second for every {@code bodyMinBytesPerSecond} bytes received, so a large upload
 * that keeps moving is never cut while one that trickles is.
 *
 * @param head the whole request head must arrive within this, counted from the connection's start (TLS handshake
 *     included) for its first request and from the first byte of each later one on a kept-alive connection
 * @param bodyStart the body's allowance before any of it arrived
 * @param bodyMinBytesPerSecond each this many bytes of body received extend the allowance by a second
 */
public record ReadDeadlines(Duration head, Duration bodyStart, long bodyMinBytesPerSecond) {
    public static final Duration DEFAULT_HEAD = Duration.ofSeconds(20);
    public static final Duration DEFAULT_BODY_START = Duration.ofSeconds(20);
    public static final long DEFAULT_BODY_MIN_BYTES_PER_SECOND = 1024;
    public static final ReadDeadlines DEFAULT = new ReadDeadlines(DEFAULT_HEAD, DEFAULT_BODY_START,
            DEFAULT_BODY_MIN_BYTES_PER_SECOND);

    public ReadDeadlines {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(bodyStart, "bodyStart");
        if (head.isZero() || head.isNegative() || bodyStart.isZero() || bodyStart.isNegative()) {
            throw new IllegalArgumentException("read deadlines must be positive");
        }
        if (bodyMinBytesPerSecond < 1) {
            throw new IllegalArgumentException("the body's minimum rate must be at least 1 byte a second");
        }
    }

    /** How long a body may have taken, in nanoseconds, once {@code bytesReceived} of it arrived. */
    long bodyAllowanceNanos(long bytesReceived) {
        long earnedSeconds = bytesReceived / bodyMinBytesPerSecond;
        long remainder = bytesReceived % bodyMinBytesPerSecond;
        long cap = Long.MAX_VALUE / 4;
        if (earnedSeconds >= cap / 1_000_000_000L) {
            return cap;
        }
        return Math.min(cap, bodyStart.toNanos() + earnedSeconds * 1_000_000_000L
                + remainder * 1_000_000_000L / bodyMinBytesPerSecond);
    }
}
