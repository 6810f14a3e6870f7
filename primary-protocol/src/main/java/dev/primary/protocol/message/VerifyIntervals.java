package dev.primary.protocol.message;

/**
 * The rule for a client's check-in interval on the wire ({@code verifyIntervalSeconds}): at least one
 * second, at most {@link #MAX_SECONDS} (one year). A lease is renewed long before a year passes (leases
 * last 7 days by default), so no real client is refused; the bound keeps every time the server derives
 * from it (renew-after, next contact) far inside what it can compute.
 */
public final class VerifyIntervals {
    /** One year of seconds. */
    public static final long MAX_SECONDS = 365L * 24 * 60 * 60;

    private VerifyIntervals() {}

    static long check(long seconds) {
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("verifyIntervalSeconds must be 1 to " + MAX_SECONDS
                    + " (one year), got " + seconds);
        }
        return seconds;
    }
}
