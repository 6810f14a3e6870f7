package dev.primary.client.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves the status when it changes. The latest time seen moves on every wake-up; on its own it is
 * saved only once it advanced by a minute, so an idle client writes its state file at most once a minute.
 * Thread-safe: a download on another thread persists its request sequence through {@link #saveSequence}, and
 * the sequence saved never goes back, except when it is re-based on the server's clock ({@link #saveRebasedSequence}).
 */
final class StatusKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(StatusKeeper.class);
    private static final Duration TIME_STEP = Duration.ofMinutes(1);

    private final StatusStore store;
    private ClientStatus saved;
    private long highestSequence;
    private boolean failing;

    StatusKeeper(StatusStore store) {
        this.store = store;
    }

    /** The status of the previous run; empty (with a warning) when it cannot be read. */
    Optional<ClientStatus> loadPrevious() {
        try {
            return store.load();
        } catch (RuntimeException e) {
            LOG.warn("State file cannot be read ({}): starting from a fresh state", e.getMessage());
            return Optional.empty();
        }
    }

    /** Saves now; a failure propagates (a request must not go out with a sequence that was not saved). */
    synchronized void saveNow(ClientStatus status) {
        ClientStatus toSave = withHighestSequence(status);
        store.save(toSave);
        saved = toSave;
    }

    /**
     * Saves the last saved status with {@code sequence} (from any thread); a failure propagates. Falls back to
     * {@code current} when nothing was saved yet.
     */
    synchronized void saveSequence(long sequence, Supplier<ClientStatus> current) {
        ClientStatus base = saved != null ? saved : current.get();
        saveNow(base.withLastSequence(Math.max(sequence, base.lastSequence())));
    }

    /**
     * Saves {@code sequence} as the last one even though it is lower than the one saved before: the server refused the
     * old sequence as too far ahead of its clock, and the client starts again from the server's time. A failure
     * propagates.
     */
    synchronized void saveRebasedSequence(long sequence, Supplier<ClientStatus> current) {
        ClientStatus base = saved != null ? saved : current.get();
        highestSequence = sequence;
        ClientStatus toSave = base.withLastSequence(sequence);
        store.save(toSave);
        saved = toSave;
    }

    /** Saves when something other than a small advance of the latest time seen changed; a failure is logged once. */
    synchronized void saveIfChanged(ClientStatus status) {
        ClientStatus toSave = withHighestSequence(status);
        if (saved != null && onlyTimeAdvancedSlightly(saved, toSave)) {
            return;
        }
        try {
            store.save(toSave);
            saved = toSave;
            if (failing) {
                LOG.info("State file saved again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("State file cannot be saved: {}", e.getMessage());
            }
            failing = true;
        }
    }

    private ClientStatus withHighestSequence(ClientStatus status) {
        highestSequence = Math.max(highestSequence, status.lastSequence());
        return status.lastSequence() == highestSequence ? status : status.withLastSequence(highestSequence);
    }

    private static boolean onlyTimeAdvancedSlightly(ClientStatus before, ClientStatus now) {
        Instant was = before.highestTimeSeen();
        Instant is = now.highestTimeSeen();
        if (was == null || is == null) {
            return before.equals(now);
        }
        return before.equals(now.withHighestTimeSeen(was)) && Duration.between(was, is).compareTo(TIME_STEP) < 0;
    }
}
