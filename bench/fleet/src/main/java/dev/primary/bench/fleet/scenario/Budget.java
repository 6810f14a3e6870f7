package dev.primary.bench.fleet.scenario;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How much work a phase does: a number of operations, a time limit, or whichever ends first. The clock starts at
 * the first {@link #take()}, so a budget may be made before the phase begins.
 */
public final class Budget {
    private final AtomicLong remaining;
    private final long count;
    private final Duration limit;
    private volatile long deadlineNanos = Long.MAX_VALUE;
    private volatile boolean started;

    private Budget(long count, Duration limit) {
        if (count < 0) {
            throw new IllegalArgumentException("an operation count cannot be negative");
        }
        this.count = count;
        this.limit = limit;
        this.remaining = new AtomicLong(count);
    }

    /** Exactly {@code count} operations are started. */
    public static Budget count(long count) {
        return new Budget(count, null);
    }

    /** Operations are started until {@code limit} has passed. */
    public static Budget duration(Duration limit) {
        return new Budget(Long.MAX_VALUE, limit);
    }

    /** {@code count} operations, or fewer when {@code limit} (if not null) passes first. */
    public static Budget countWithin(long count, Duration limit) {
        return new Budget(count, limit);
    }

    /** Takes the right to start one more operation. */
    public boolean take() {
        if (!started) {
            start();
        }
        if (System.nanoTime() >= deadlineNanos) {
            return false;
        }
        return remaining.getAndDecrement() > 0;
    }

    private synchronized void start() {
        if (!started) {
            deadlineNanos = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
            started = true;
        }
    }

    /** The time limit, or null when only a count bounds it. */
    public Duration limit() {
        return limit;
    }

    /** The total operations, or -1 when only a time limit bounds it (for progress lines). */
    public long total() {
        return count == Long.MAX_VALUE ? -1 : count;
    }
}
