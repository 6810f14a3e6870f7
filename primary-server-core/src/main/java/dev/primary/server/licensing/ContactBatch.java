package dev.primary.server.licensing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Check-ins that change nothing but a computer's last contact, kept in memory and written to the store together,
 * at most {@link Limits#window()} later ({@link LicensingWrites#touchContact}, {@link LicensingWrites#advanceSequence}),
 * so such a check-in costs no commit of its own. Every other change stays a durable write before its answer.
 *
 * <p>It also guards sequences while they are not yet in the store: every signed request {@linkplain #claim claims}
 * its sequence here before it reads or writes the store, and holds the claim until its write committed; a sequence
 * not above one held here is a replay. So two copies of one request never both pass on this server, whether they
 * take the deferred or the durable way. What a crash (or a second server) can do with a deferred sequence is in
 * {@code docs/architecture.md}, "Batched last-contact writes".
 *
 * <p>Thread-safe without a lock of its own: each client's state changes only inside its map entry's atomic
 * {@link ConcurrentHashMap#compute compute}, so check-ins of different clients never wait for each other (one lock
 * over all clients was a few per cent of a busy server's time, most of it waiting), and two copies of one client's
 * request are still decided one after the other.
 */
public final class ContactBatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ContactBatch.class);

    /**
     * @param window how long a deferred contact waits at most before it is written (default 2 s)
     * @param maxClients clients with a claim or a deferred contact held at once (default 100,000); beyond it,
     *     check-ins take the durable way
     */
    public record Limits(Duration window, int maxClients) {
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(2), 100_000);

        public Limits {
            if (window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("window must be positive, got " + window);
            }
            if (maxClients < 1) {
                throw new IllegalArgumentException("maxClients must be at least 1, got " + maxClients);
            }
        }
    }

    /** A contact not yet in the store. */
    private record Pending(long computerId, long sequence, Instant at) {
    }

    /**
     * What is held for one client: its highest claimed sequence, claims in progress, its deferred contact. Changed
     * only inside {@code clients.compute…} for its key; {@code pending} is also read by {@link #flush()} and
     * {@link #pending()} without it.
     */
    private static final class Held {
        long highest;
        int inProgress;
        volatile Pending pending;

        boolean done() {
            return inProgress == 0 && pending == null;
        }
    }

    /** A claimed sequence; {@link #close()} ends the claim (after its write committed, or when it was refused). */
    public final class Claim implements AutoCloseable {
        private final String clientId;
        private final long sequence;
        private final boolean tracked;
        private boolean open = true;

        private Claim(String clientId, long sequence, boolean tracked) {
            this.clientId = clientId;
            this.sequence = sequence;
            this.tracked = tracked;
        }

        /** Whether its contact may be deferred: it is held here (not over {@link Limits#maxClients}). */
        boolean deferrable() {
            return tracked;
        }

        /** Keeps the check-in's contact for the next flush; the claim stays held until that flush committed. */
        void defer(long computerId, Instant at) {
            clients.computeIfPresent(clientId, (id, held) -> {
                Pending current = held.pending;
                if (current == null || current.sequence() < sequence) {
                    held.pending = new Pending(computerId, sequence, at);
                }
                return held;
            });
        }

        @Override
        public void close() {
            if (!tracked || !open) {
                return;
            }
            open = false;
            clients.computeIfPresent(clientId, (id, held) -> {
                held.inProgress--;
                return keptOrForgotten(held);
            });
        }
    }

    private final LicensingStore store;
    private final Limits limits;
    private final ConcurrentHashMap<String, Held> clients = new ConcurrentHashMap<>();
    /** How many clients {@link #clients} holds, counted as entries are made and dropped, so the bound is exact. */
    private final AtomicInteger heldCount = new AtomicInteger();
    private final ScheduledExecutorService flusher;

    private ContactBatch(LicensingStore store, Limits limits, boolean scheduled) {
        this.store = store;
        this.limits = limits;
        if (scheduled) {
            flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "contact-flush");
                thread.setDaemon(true);
                return thread;
            });
            long millis = limits.window().toMillis();
            flusher.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
        } else {
            flusher = null;
        }
    }

    /** A batch over {@code store} that writes its contacts every {@link Limits#window()} on its own thread. */
    public static ContactBatch started(LicensingStore store, Limits limits) {
        return new ContactBatch(store, limits, true);
    }

    /** A batch that writes only when {@link #flush()} is called (tests decide when the window ends). */
    public static ContactBatch manual(LicensingStore store, Limits limits) {
        return new ContactBatch(store, limits, false);
    }

    /**
     * Claims {@code sequence} for {@code clientId} on this server.
     *
     * @throws ReplayedRequestException if it is not above a sequence held here for that client
     */
    public Claim claim(String clientId, long sequence) {
        Held claimed = clients.compute(clientId, (id, known) -> {
            if (known != null && sequence <= known.highest) {
                throw new ReplayedRequestException(clientId, sequence, known.highest);
            }
            Held entry = known;
            if (entry == null) {
                if (heldCount.incrementAndGet() > limits.maxClients()) {
                    heldCount.decrementAndGet();
                    return null;
                }
                entry = new Held();
            }
            entry.highest = sequence;
            entry.inProgress++;
            return entry;
        });
        return new Claim(clientId, sequence, claimed != null);
    }

    /** How many contacts wait for the next flush. */
    public int pending() {
        int waiting = 0;
        for (Held client : clients.values()) {
            if (client.pending != null) {
                waiting++;
            }
        }
        return waiting;
    }

    /**
     * Writes every deferred contact (last contact and sequence) in one store write. A failed write keeps them for
     * the next attempt and reaches the caller.
     */
    public void flush() {
        Map<String, Pending> batch = new HashMap<>();
        clients.forEach((clientId, client) -> {
            Pending pending = client.pending;
            if (pending != null) {
                batch.put(clientId, pending);
            }
        });
        if (batch.isEmpty()) {
            return;
        }
        store.write(writes -> {
            batch.forEach((clientId, pending) -> {
                writes.advanceSequence(clientId, pending.sequence());
                writes.touchContact(pending.computerId(), pending.at());
            });
            return null;
        });
        batch.forEach((clientId, written) -> clients.computeIfPresent(clientId, (id, client) -> {
            if (client.pending != written) {
                return client;
            }
            client.pending = null;
            return keptOrForgotten(client);
        }));
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("contacts - {} last-contact times not written yet, trying again in {} ms: {}", pending(),
                    limits.window().toMillis(), e.toString());
        }
    }

    /** Inside a {@code compute}: the entry to keep, or {@code null} (counted) when nothing is held for it any more. */
    private Held keptOrForgotten(Held client) {
        if (!client.done()) {
            return client;
        }
        heldCount.decrementAndGet();
        return null;
    }

    /** Stops the flushing thread and writes what is deferred (a stop that loses nothing). */
    @Override
    public void close() {
        if (flusher != null) {
            flusher.shutdown();
            try {
                flusher.awaitTermination(limits.window().toMillis() + 30_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }
}
