package dev.primary.server;

import dev.primary.server.release.Releases;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a shared database, reads the release catalog again every {@link #PERIOD}, so that releases added and rollouts
 * started, paused or halted through another server of the fleet reach this server's check-in answers within that
 * time. (A single server changes its catalog only through its own writes and needs no refresh.) The catalog is a few
 * rows per release and rollout; one read every two seconds costs the database nothing worth counting.
 */
final class CatalogRefresh implements AutoCloseable {
    /** How stale another server's release and rollout changes may be here. */
    static final Duration PERIOD = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(CatalogRefresh.class);

    private final ScheduledExecutorService executor;

    private CatalogRefresh(Releases releases) {
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "primary-catalog-refresh");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> refresh(releases), PERIOD.toMillis(), PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    static CatalogRefresh start(Releases releases) {
        return new CatalogRefresh(releases);
    }

    private static void refresh(Releases releases) {
        try {
            releases.refreshCatalog();
        } catch (RuntimeException e) {
            LOG.warn("release catalog - could not read it again, the one in force stays: {}", e.toString());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
