package dev.primary.server.http;

/**
 * How many connections one listener keeps open at most, in total and from one source address (an IPv4
 * address, or an IPv6 /64 as in {@link SourceRateLimit}); nginx's {@code limit_conn}, HAProxy's
 * {@code maxconn}. Connections over either cap are closed as soon as they are accepted, before any TLS work.
 *
 * @param total open connections at most
 * @param perSource open connections from one source at most
 */
public record ConnectionCaps(int total, int perSource) {
    /** No cap at all (for tests of other things). */
    public static final ConnectionCaps NONE = new ConnectionCaps(Integer.MAX_VALUE, Integer.MAX_VALUE);

    public ConnectionCaps {
        if (total < 1 || perSource < 1) {
            throw new IllegalArgumentException("connection caps must be at least 1, got " + total + " and " + perSource);
        }
    }
}
