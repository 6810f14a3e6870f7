package dev.primary.client.service;

import java.time.Instant;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * The {@code Primary-Sequence} of a client's requests: {@code max(last + 1, epoch milliseconds + offset)}, persisted
 * before the request is sent, so it grows strictly across restarts and a restored backup heals itself. The offset is
 * zero until the server refuses a sequence as too far ahead of its clock ({@link #rebase}): then it is what the client's
 * clock was found ahead (or behind) the server's, for the life of the process, so that a clock that runs years ahead,
 * or a sequence persisted while it did, cannot lock the client out.
 */
public final class RequestSequence {
    private final TimeSource time;
    private final LongConsumer persist;
    private final LongConsumer persistRebased;
    private long last;
    private long offsetMillis;

    /**
     * @param last the last sequence used (from the state file; 0 when none)
     * @param persist stores a sequence durably; called before the sequence is handed out
     */
    public RequestSequence(TimeSource time, long last, LongConsumer persist) {
        this(time, last, persist, persist);
    }

    /**
     * @param persistRebased stores the sequence a {@link #rebase} set, which may be lower than the one stored before
     */
    public RequestSequence(TimeSource time, long last, LongConsumer persist, LongConsumer persistRebased) {
        this.time = Objects.requireNonNull(time, "time");
        this.persist = Objects.requireNonNull(persist, "persist");
        this.persistRebased = Objects.requireNonNull(persistRebased, "persistRebased");
        this.last = last;
    }

    /** The sequence for the next request, already persisted. */
    public synchronized long next() {
        long next = Math.max(last + 1, time.now().toEpochMilli() + offsetMillis);
        persist.accept(next);
        last = next;
        return next;
    }

    /** After the server refused a sequence as replayed: continue after {@code serverTime}, the server's clock. */
    public synchronized void resync(Instant serverTime) {
        last = Math.max(last, serverTime.toEpochMilli());
    }

    /**
     * After the server refused a sequence as too far ahead of its clock: start again from {@code serverTime} (even when
     * that is lower than the last sequence), and from now on count the client's clock as far ahead of or behind the
     * server's as it is now. The new last sequence is persisted.
     */
    public synchronized void rebase(Instant serverTime) {
        long server = serverTime.toEpochMilli();
        offsetMillis = server - time.now().toEpochMilli();
        last = server;
        persistRebased.accept(last);
    }

    public synchronized long last() {
        return last;
    }

    /** How far the server's clock was found ahead of this client's (negative: behind) at the last re-base; 0 before. */
    public synchronized long offsetMillis() {
        return offsetMillis;
    }
}
