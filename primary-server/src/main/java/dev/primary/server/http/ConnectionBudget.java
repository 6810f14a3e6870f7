package dev.primary.server.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open connections of one listener, in total and per source address, held within {@link ConnectionCaps}.
 * Bounded by itself: a source is tracked only while it has a connection open. Safe from any thread (connections
 * open on the accepting thread and close on their event loops).
 */
final class ConnectionBudget {
    /** What {@link #tryOpen} decided. */
    enum Admission {
        ADMITTED, OVER_TOTAL, OVER_SOURCE
    }

    private final ConnectionCaps caps;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, Integer> openBySource = new ConcurrentHashMap<>();

    ConnectionBudget(ConnectionCaps caps) {
        this.caps = caps;
    }

    /** Takes a place for a connection from {@code source}, unless a cap is reached; then nothing is taken. */
    Admission tryOpen(String source) {
        if (open.incrementAndGet() > caps.total()) {
            open.decrementAndGet();
            return Admission.OVER_TOTAL;
        }
        boolean[] admitted = {false};
        openBySource.compute(source, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= caps.perSource()) {
                return count;
            }
            admitted[0] = true;
            return current + 1;
        });
        if (!admitted[0]) {
            open.decrementAndGet();
            return Admission.OVER_SOURCE;
        }
        return Admission.ADMITTED;
    }

    /** Gives back the place of a connection from {@code source} that {@link #tryOpen} admitted. */
    void closed(String source) {
        openBySource.computeIfPresent(source, (key, count) -> count <= 1 ? null : count - 1);
        open.decrementAndGet();
    }

    int open() {
        return open.get();
    }

    ConnectionCaps caps() {
        return caps;
    }
}
