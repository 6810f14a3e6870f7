package dev.primary.server;

import dev.primary.server.licensing.ClientProtocol;
import dev.primary.server.licensing.LicensingStore;
import dev.primary.server.stats.CountedClientProtocol;
import dev.primary.server.stats.HourlyStatsJob;
import dev.primary.server.stats.HourlyTally;
import dev.primary.server.stats.Statistics;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hourly statistics of a running server (docs/architecture.md, "Hourly statistics"): the client protocol counted
 * in memory, and {@link HourlyStatsJob} run every {@link #PERIOD} on its own thread; {@link #close} runs the last flush,
 * before the store closes. A failed run is logged (WARN, subject {@code statistics}) and its counts kept for the next.
 */
final class HourlyStatsSchedule implements AutoCloseable {
    /** How often counts are written and the hour's sample is looked for: a crash loses at most this much counting. */
    static final Duration PERIOD = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(HourlyStatsSchedule.class);

    private final HourlyTally tally;
    private final HourlyStatsJob job;
    private final Statistics statistics;
    private ScheduledExecutorService executor;

    private HourlyStatsSchedule(LicensingStore store, Clock clock) {
        this.tally = new HourlyTally(clock);
        this.job = new HourlyStatsJob(store, tally, clock);
        this.statistics = new Statistics(store, clock);
    }

    /** The statistics of the backend's store; empty for a backend whose store keeps none (a test's stand-in). */
    static Optional<HourlyStatsSchedule> of(LicensingBackend backend, Clock clock) {
        return backend.store() instanceof LicensingStore store ? Optional.of(new HourlyStatsSchedule(store, clock))
                : Optional.empty();
    }

    /** {@code protocol}, counting what it answers. */
    ClientProtocol counting(ClientProtocol protocol) {
        return new CountedClientProtocol(protocol, tally);
    }

    Statistics statistics() {
        return statistics;
    }

    /** Runs the job every {@link #PERIOD}, the first run at once (so a start samples its hour). */
    HourlyStatsSchedule start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "primary-statistics");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::run, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void run() {
        try {
            job.run();
        } catch (RuntimeException e) {
            LOG.warn("statistics - writing the hourly statistics failed, will retry in {} s: {}", PERIOD.toSeconds(),
                    e.toString());
        }
    }

    /** Stops the schedule and writes what was counted since its last run. */
    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            job.flush();
        } catch (RuntimeException e) {
            LOG.warn("statistics - the last counts could not be written at stop and are lost: {}", e.toString());
        }
    }
}
