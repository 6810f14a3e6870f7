package dev.primary.server;

import dev.primary.protocol.admin.ReclaimResult;
import dev.primary.protocol.time.Durations;
import dev.primary.server.licensing.Administration;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reclaims the seats of silent computers, and lets silent waiting computers and conflicts go, every
 * {@code reclaim-check-interval}. The first run waits one
 * interval, so a server that was itself down for long does not count its own outage against clients. Each of the
 * two jobs first asks whose turn it is ({@link JobTurns}), so in a fleet it runs on one server per interval.
 */
final class ReclaimSchedule implements AutoCloseable {
    static final String ACTOR = "system";
    /** The job names servers of a fleet take turns on. */
    static final String EXPIRY_JOB = "expire-silent";
    static final String RECLAIM_JOB = "reclaim-silent";
    private static final Logger LOG = LoggerFactory.getLogger(ReclaimSchedule.class);

    private final ScheduledExecutorService executor;

    private ReclaimSchedule(Administration administration, Duration interval, boolean seats, JobTurns turns) {
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "primary-reclaim");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> reclaim(administration, seats, turns, interval), interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.debug("reclaiming silent seats every {}", Durations.format(interval));
    }

    /**
     * Starts the background work: silent waiting computers and conflicts expire every {@code interval}; with
     * {@code seats}, the seats of silent computers are reclaimed too.
     */
    static ReclaimSchedule start(Administration administration, Duration interval, boolean seats, JobTurns turns) {
        return new ReclaimSchedule(administration, interval, seats, turns);
    }

    private static void reclaim(Administration administration, boolean seats, JobTurns turns, Duration interval) {
        if (myTurn(turns, EXPIRY_JOB, interval)) {
            expire(administration);
        }
        if (seats && myTurn(turns, RECLAIM_JOB, interval)) {
            reclaimSeats(administration);
        }
    }

    private static boolean myTurn(JobTurns turns, String job, Duration interval) {
        try {
            return turns.mine(job, interval);
        } catch (RuntimeException e) {
            LOG.warn("{} - could not learn whose turn it is, will ask again at the next interval: {}", job, e.toString());
            return false;
        }
    }

    private static void expire(Administration administration) {
        try {
            int expired = administration.expireSilent(ACTOR);
            if (expired > 0) {
                LOG.info("{} silent waiting computer(s) and conflict(s) left the queue", expired);
            }
        } catch (RuntimeException e) {
            LOG.warn("expiry of silent waiting computers failed, will retry at the next interval: {}", e.toString(), e);
        }
    }

    private static void reclaimSeats(Administration administration) {
        try {
            ReclaimResult result = administration.reclaimSilent(ACTOR);
            if (!result.reclaimed().isEmpty()) {
                LOG.info("reclaimed the seats of {} silent computer(s): {}; {} waiting computer(s) got a seat",
                        result.reclaimed().size(), String.join(", ", result.reclaimed()), result.seatsGrantedToWaiting());
            }
        } catch (RuntimeException e) {
            LOG.warn("reclaim of silent seats failed, will retry at the next interval: {}", e.toString(), e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
