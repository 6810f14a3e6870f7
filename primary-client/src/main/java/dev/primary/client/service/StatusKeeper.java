package dev.primary.client.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves the status when it changes. The latest time seen moves on every wake-up; on its own it is
 * saved only once it advanced by a minute, so an idle client writes its state file at most once a minute.
 */
final class StatusKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(StatusKeeper.class);
    private static final Duration TIME_STEP = Duration.ofMinutes(1);

    private final StatusStore store;
    private ClientStatus saved;
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
    void saveNow(ClientStatus status) {
        store.save(status);
        saved = status;
    }

    /** Saves when something other than a small advance of the latest time seen changed; a failure is logged once. */
    void saveIfChanged(ClientStatus status) {
        if (saved != null && onlyTimeAdvancedSlightly(saved, status)) {
            return;
        }
        try {
            store.save(status);
            saved = status;
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

    private static boolean onlyTimeAdvancedSlightly(ClientStatus before, ClientStatus now) {
        Instant was = before.highestTimeSeen();
        Instant is = now.highestTimeSeen();
        if (was == null || is == null) {
            return before.equals(now);
        }
        ClientStatus withOldTime = new ClientStatus(now.state(), now.reason(), now.server(), now.clientId(),
                now.computer(), now.lastAttempt(), now.lastSuccessfulContact(), now.unreachableSince(),
                now.nextContact(), now.leaseExpiresAt(), now.recorderRunning(), now.recorderVersion(), was,
                now.lastSequence());
        return before.equals(withOldTime) && Duration.between(was, is).compareTo(TIME_STEP) < 0;
    }
}
