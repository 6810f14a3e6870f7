package dev.primary.server.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A token bucket per source address: each address may make {@code burst} requests at once and {@code perSecond}
 * more every second after. Checked before a request's body is read or its signature verified, so a refusal
 * costs the server a map look-up.
 *
 * <p>Bounded: at most {@code maxSources} addresses are tracked. IPv6 addresses count by their /64 prefix (one
 * host can use a whole /64). When the table is full, buckets that have refilled (idle sources) are dropped; if
 * none has, new addresses share one overflow bucket, so an attacker with many addresses cannot grow memory or
 * get more than one bucket's worth through.
 */
public final class SourceRateLimit {
    private static final String OVERFLOW = "(overflow)";

    private final double perSecond;
    private final double burst;
    private final int maxSources;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();

    /**
     * @param perSecond requests per second each source may make once its burst is spent (> 0)
     * @param burst requests a source may make at once (>= 1)
     * @param maxSources addresses tracked at most (>= 1)
     * @param nanoTime the clock ({@link System#nanoTime} outside tests)
     */
    public SourceRateLimit(double perSecond, int burst, int maxSources, LongSupplier nanoTime) {
        if (!(perSecond > 0) || burst < 1 || maxSources < 1) {
            throw new IllegalArgumentException("perSecond must be positive and burst and maxSources at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.maxSources = maxSources;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * Takes one request from {@code address}'s bucket.
     *
     * @throws TooManyRequestsException when the bucket is empty, with the seconds until it holds one again
     */
    public void admit(String address, String what) {
        String source = sourceOf(address);
        long now = nanoTime.getAsLong();
        long waitNanos = bucketOf(source, now).take(now);
        if (waitNanos > 0) {
            refused.computeIfAbsent(source, key -> new AtomicLong()).incrementAndGet();
            trimRefused();
            throw new TooManyRequestsException(what, Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
        }
    }

    /** Requests refused per source since start, the most refused first (at most {@code limit}). */
    public Map<String, Long> refusedBySource(int limit) {
        Map<String, Long> top = new LinkedHashMap<>();
        refused.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, AtomicLong> entry) -> entry.getValue().get())
                        .reversed())
                .limit(limit)
                .forEach(entry -> top.put(entry.getKey(), entry.getValue().get()));
        return top;
    }

    /** How many addresses are tracked now (at most {@code maxSources}). */
    int trackedSources() {
        return buckets.size();
    }

    private Bucket bucketOf(String source, long now) {
        Bucket known = buckets.get(source);
        if (known != null) {
            return known;
        }
        if (buckets.size() >= maxSources) {
            buckets.values().removeIf(bucket -> bucket.full(now));
            if (buckets.size() >= maxSources) {
                return buckets.computeIfAbsent(OVERFLOW, key -> new Bucket(now));
            }
        }
        return buckets.computeIfAbsent(source, key -> new Bucket(now));
    }

    private void trimRefused() {
        if (refused.size() > maxSources) {
            refused.clear();
        }
    }

    /** An IPv4 address as it is; an IPv6 address as its /64 prefix. */
    static String sourceOf(String address) {
        if (address == null || address.isEmpty()) {
            return "(unknown)";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** Tokens (scaled by 1e9 to stay in whole numbers) and when they were last refilled. */
    private final class Bucket {
        private long tokensNano;
        private long refilledAt;

        Bucket(long now) {
            this.tokensNano = (long) (burst * 1e9);
            this.refilledAt = now;
        }

        /** Takes one token; returns 0, or the nanoseconds until one is there. */
        synchronized long take(long now) {
            refill(now);
            if (tokensNano >= 1_000_000_000L) {
                tokensNano -= 1_000_000_000L;
                return 0;
            }
            return (long) ((1_000_000_000L - tokensNano) / perSecond);
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokensNano >= (long) (burst * 1e9);
        }

        private void refill(long now) {
            // Past the time a full refill takes, more idle time adds nothing: capping it keeps the product in range.
            long elapsed = Math.min(Math.max(0, now - refilledAt), (long) (burst / perSecond * 1e9) + 1);
            tokensNano = Math.min((long) (burst * 1e9), tokensNano + (long) (elapsed * perSecond));
            refilledAt = now;
        }
    }
}
