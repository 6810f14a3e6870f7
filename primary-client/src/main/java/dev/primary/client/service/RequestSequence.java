package dev.primary.client.service;

import java.time.Instant;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * The {@code Primary-Sequence} of a client's requests: {@code max(last + 1, epoch milliseconds)},
 * persisted before the request is sent, so it grows strictly across restarts and a restored
 * backup heals itself.
 */
public final class RequestSequence {
    private final TimeSource time;
    private final LongConsumer persist;
    private long last;

    /**
     * @param last the last sequence used (from the state file; 0 when none)
     * @param persist stores a sequence durably; called before the sequence is handed out
     */
    public RequestSequence(TimeSource time, long last, LongConsumer persist) {
        this.time = Objects.requireNonNull(time, "time");
        this.persist = Objects.requireNonNull(persist, "persist");
        this.last = last;
    }

    /** The sequence for the next request, already persisted. */
    public synchronized long next() {
        long next = Math.max(last + 1, time.now().toEpochMilli());
        persist.accept(next);
        last = next;
        return next;
    }

    /** After the server refused a sequence as replayed: continue after {@code serverTime}, the server's clock. */
    public synchronized void resync(Instant serverTime) {
        last = Math.max(last, serverTime.toEpochMilli());
    }

    public synchronized long last() {
        return last;
    }
}
