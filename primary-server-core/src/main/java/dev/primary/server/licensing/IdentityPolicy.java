package dev.primary.server.licensing;

import java.time.Duration;
import java.util.Objects;

/**
 * How the server decides who may enroll and whose claim to a computer counts; validated once at start-up.
 *
 * @param openEnrollment whether a client the server does not know may register without an enrollment token
 *     (default false: meant for labs only)
 * @param takeoverAfterSilence a new client key may take over a computer whose holder has been silent this long;
 *     {@link Duration#ZERO} = never, only after {@code rekey} (default)
 * @param waitingExpiry a waiting computer that stops asking leaves the queue after this much silence (default
 *     2 h; waiting clients ask every minute)
 * @param sequenceMargin how far ahead of the server's clock a request sequence (epoch milliseconds) may be
 *     (default 1 h), so a client whose clock once ran years ahead cannot lock itself out
 */
public record IdentityPolicy(boolean openEnrollment, Duration takeoverAfterSilence, Duration waitingExpiry,
        Duration sequenceMargin) {
    public static final IdentityPolicy DEFAULTS = new IdentityPolicy(false, Duration.ZERO, Duration.ofHours(2),
            Duration.ofHours(1));

    public IdentityPolicy {
        Objects.requireNonNull(takeoverAfterSilence, "takeoverAfterSilence");
        if (takeoverAfterSilence.isNegative()) {
            throw new IllegalArgumentException("takeoverAfterSilence cannot be negative (0 means never)");
        }
        requirePositive("waitingExpiry", waitingExpiry);
        requirePositive("sequenceMargin", sequenceMargin);
    }

    public IdentityPolicy withOpenEnrollment(boolean open) {
        return new IdentityPolicy(open, takeoverAfterSilence, waitingExpiry, sequenceMargin);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
