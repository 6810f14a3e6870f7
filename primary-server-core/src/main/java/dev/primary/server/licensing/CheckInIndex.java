package dev.primary.server.licensing;

import dev.primary.server.computer.Computer;
import dev.primary.server.computer.UpdateRecord;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a check-in that changes nothing but its last contact needs to be decided without reading the store, kept
 * for the clients that made one: the computer as it was read, its update records, the highest sequence the client
 * is known to have used, and the licenses. Only for a server that is its store's <em>only writer</em> (the embedded
 * store): every unit of work passes {@link CheckInIndexStore} on its way to the store, and that tells this index
 * what the unit changed as soon as it ended; a server whose store other servers also write (PostgreSQL) has no
 * index and reads, as before.
 *
 * <p><b>Never older than the store</b>, but for the moment between a unit's commit and its notice, the moment a
 * read taken just before that commit also has:
 * <ul>
 * <li>a unit that changed a client (registered, revoked) or a computer (any column but its last contact: seat,
 *     lease, versions, group, enrollment, update records; deleted) drops the entries of the clients involved, the
 *     computer's holder before and after included;</li>
 * <li>a sequence written to the store raises the client's highest known sequence (the batched contacts write
 *     those the index itself accepted); a last contact written changes nothing here;</li>
 * <li>a license written (imported, unlocked, new terms, seats used) makes every cached license stale.</li>
 * </ul>
 * An entry is made only from a read that started after the entry's place was taken ({@link #startFill}); a notice
 * for the client in between empties the place, and the read's result is not kept ({@link #complete}). So a unit that
 * commits while a read is under way can never leave that read's older view behind.
 *
 * <p><b>Bounded</b>: at most {@link Limits#maxClients()} clients (default 100,000); beyond it check-ins are decided
 * from a read, as without an index. Nothing is written from here: it only spares reads.
 */
public final class CheckInIndex {
    private static final Logger LOG = LoggerFactory.getLogger(CheckInIndex.class);

    /** @param maxClients clients with an entry (or one being made) at once */
    public record Limits(int maxClients) {
        public static final Limits DEFAULT = new Limits(100_000);

        public Limits {
            if (maxClients < 1) {
                throw new IllegalArgumentException("maxClients must be at least 1, got " + maxClients);
            }
        }
    }

    /**
     * A client's entry: its licensed computer as last read, that computer's update records ({@code null}: not read,
     * the advice did not need them), its highest sequence.
     */
    static final class Known {
        private final Computer computer;
        private final List<UpdateRecord> records;
        private final AtomicLong highestSequence;

        private Known(Computer computer, List<UpdateRecord> records, long highestSequence) {
            this.computer = computer;
            this.records = records == null ? null : List.copyOf(records);
            this.highestSequence = new AtomicLong(highestSequence);
        }

        Computer computer() {
            return computer;
        }

        List<UpdateRecord> records() {
            return records;
        }

        long highestSequence() {
            return highestSequence.get();
        }

        /** A request of this client with {@code sequence} was accepted (answered or written). */
        void accepted(long sequence) {
            highestSequence.accumulateAndGet(sequence, Math::max);
        }
    }

    /** A client's place, taken before the read that will fill it, and the license generation then. */
    static final class Fill {
        private final String clientId;
        private final long licenseGeneration;

        private Fill(String clientId, long licenseGeneration) {
            this.clientId = clientId;
            this.licenseGeneration = licenseGeneration;
        }
    }

    /** A license as read, and the license generation it was read in. */
    private record CachedLicense(long generation, Optional<License> license) {
    }

    private final Limits limits;
    /** clientId → {@link Known} or {@link Fill}. */
    private final ConcurrentHashMap<String, Object> clients = new ConcurrentHashMap<>();
    /** computer id → the client whose entry holds it. */
    private final ConcurrentHashMap<Long, String> holders = new ConcurrentHashMap<>();
    private final AtomicInteger places = new AtomicInteger();
    private final ConcurrentHashMap<String, CachedLicense> licenses = new ConcurrentHashMap<>();
    private final AtomicLong licenseGeneration = new AtomicLong();
    private volatile boolean off;
    private volatile boolean watched;

    public CheckInIndex(Limits limits) {
        this.limits = limits;
    }

    /** The entry of {@code clientId}, if it has one. */
    Optional<Known> known(String clientId) {
        return !off && clients.get(clientId) instanceof Known known ? Optional.of(known) : Optional.empty();
    }

    /** A {@link CheckInIndexStore} tells this index of every unit of work from now on. */
    void watch() {
        watched = true;
    }

    /** Whether a {@link CheckInIndexStore} tells this index of changes. */
    boolean watched() {
        return watched;
    }

    /** Whether the index still serves (it is turned off for good after a write whose outcome was not known). */
    public boolean serving() {
        return !off;
    }

    /**
     * Stops serving and filling for the rest of this index's life, and drops every entry: {@code why} a unit of work
     * might commit after its notice was due, so no entry can be trusted any more.
     */
    void turnOff(String why) {
        if (off) {
            return;
        }
        off = true;
        clients.clear();
        holders.clear();
        licenses.clear();
        LOG.warn("check-ins - the check-in index is off until the server restarts; every check-in reads the store: {}",
                why);
    }

    /** How many clients have an entry. */
    public int size() {
        return (int) clients.values().stream().filter(Known.class::isInstance).count();
    }

    /**
     * Takes {@code clientId}'s place before a read that may fill it; {@code null} when the client has an entry or one
     * is being made, or the index is full. Every fill taken ends with {@link #abandon} (after {@link #complete}).
     */
    Fill startFill(String clientId) {
        if (off) {
            return null;
        }
        if (places.incrementAndGet() > limits.maxClients()) {
            places.decrementAndGet();
            return null;
        }
        Fill fill = new Fill(clientId, licenseGeneration.get());
        if (clients.putIfAbsent(clientId, fill) != null) {
            places.decrementAndGet();
            return null;
        }
        return fill;
    }

    /**
     * Makes {@code fill}'s entry from what its read found: the client's licensed {@code computer}, its
     * {@code records} ({@code null}: not read), and the sequence the read was taken for. Kept only if no notice for
     * the client came since the place was taken. The computer's license, read by the same read with
     * {@code license} when the index holds none of the generation the place was taken in, is cached too.
     */
    void complete(Fill fill, Computer computer, List<UpdateRecord> records, long sequence,
            Supplier<Optional<License>> license) {
        if (off) {
            return;
        }
        CachedLicense cached = licenses.get(computer.licenseSerial());
        if (cached == null || cached.generation() != fill.licenseGeneration) {
            licenses.put(computer.licenseSerial(), new CachedLicense(fill.licenseGeneration, license.get()));
        }
        holders.put(computer.id(), fill.clientId);
        if (!clients.replace(fill.clientId, fill, new Known(computer, records, sequence))) {
            holders.remove(computer.id(), fill.clientId);
        }
    }

    /** Gives up {@code fill}'s place unless it was completed. */
    void abandon(Fill fill) {
        if (clients.remove(fill.clientId, fill)) {
            places.decrementAndGet();
        }
    }

    /**
     * The license {@code serial} as cached, or as {@code read} from the store (and then cached) when a license was
     * written since it was cached.
     */
    Optional<License> license(String serial, Function<String, Optional<License>> read) {
        long generation = licenseGeneration.get();
        CachedLicense cached = licenses.get(serial);
        if (!off && cached != null && cached.generation() == generation) {
            return cached.license();
        }
        Optional<License> license = read.apply(serial);
        if (!off) {
            licenses.put(serial, new CachedLicense(generation, license));
        }
        return license;
    }

    // What units of work changed, told by CheckInIndexStore once each unit ended.

    /** A client was registered or revoked, or its key changed. */
    void clientChanged(String clientId) {
        forget(clientId);
    }

    /** A computer changed (not only its last contact) or was removed; {@code clientId}: who holds it now, or null. */
    void computerChanged(long computerId, String clientId) {
        String holder = holders.get(computerId);
        if (holder != null) {
            forget(holder);
        }
        if (clientId != null) {
            forget(clientId);
        }
    }

    /** A sequence of {@code clientId} was written to the store. */
    void sequenceWritten(String clientId, long sequence) {
        clients.computeIfPresent(clientId, (id, place) -> {
            if (place instanceof Known known) {
                known.accepted(sequence);
                return known;
            }
            places.decrementAndGet();
            return null;
        });
    }

    /** A license was imported, unlocked or re-termed, or its seats used changed. */
    void licensesChanged() {
        licenseGeneration.incrementAndGet();
    }

    private void forget(String clientId) {
        clients.computeIfPresent(clientId, (id, place) -> {
            if (place instanceof Known known) {
                holders.remove(known.computer().id(), clientId);
            }
            places.decrementAndGet();
            return null;
        });
    }
}
