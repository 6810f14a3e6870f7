package dev.primary.server.stats;

import dev.primary.protocol.admin.HourlyStats;
import dev.primary.server.licensing.HolderCounts;
import dev.primary.server.licensing.LicensingStore;
import dev.primary.server.licensing.PoolSize;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The work behind the hourly statistics, run by a schedule every minute ({@link #run}) and once more when the server
 * stops ({@link #flush}): it adds what the {@link HourlyTally} counted to the store in one write, and once an hour
 * samples the seats and deletes the hours older than {@link #RETENTION}. Time comes from the injected clock, so tests
 * step through hours without waiting.
 *
 * <p>Several servers on one database each add their own counts (the store adds them up), and each asks once an hour
 * whether the hour already has its sample: the first to ask inside its write takes it, the others leave it.
 */
public final class HourlyStatsJob {
    /**
     * How long hours are kept: 90 days, 2,160 rows of a few dozen bytes (well under 1 MB), enough for a quarter's
     * trend while the table stays too small to matter for backups or the hourly delete.
     */
    public static final Duration RETENTION = Duration.ofDays(90);
    /** How many hours {@link #RETENTION} keeps, the current one included. */
    public static final long KEPT_HOURS = RETENTION.toHours();

    private final LicensingStore store;
    private final HourlyTally tally;
    private final Clock clock;
    private Instant sampledHour;

    public HourlyStatsJob(LicensingStore store, HourlyTally tally, Clock clock) {
        this.store = store;
        this.tally = tally;
        this.clock = clock;
    }

    /** What one run did: the counts it wrote, and whether it took the hour's sample. */
    public record Outcome(List<HourCounts> written, boolean sampled, int deleted) {
    }

    /** One run: the counts flushed, then the hour's sample taken if this server has not seen it taken yet. */
    public synchronized Outcome run() {
        List<HourCounts> written = flush();
        Instant hour = HourlyTally.hourOf(clock.instant());
        if (hour.equals(sampledHour)) {
            return new Outcome(written, false, 0);
        }
        Outcome outcome = sample(hour, written);
        sampledHour = hour;
        return outcome;
    }

    /**
     * Adds every count held to the store in one write; when the write fails the counts are kept for the next try
     * and the failure is thrown.
     */
    public synchronized List<HourCounts> flush() {
        List<HourCounts> counts = tally.drain();
        if (counts.isEmpty()) {
            return counts;
        }
        try {
            store.write(writes -> {
                counts.forEach(writes::addHourlyCounts);
                return null;
            });
        } catch (RuntimeException e) {
            tally.restore(counts);
            throw e;
        }
        return counts;
    }

    private Outcome sample(Instant hour, List<HourCounts> written) {
        if (store.read(reads -> reads.hourSampled(hour))) {
            return new Outcome(written, false, 0);
        }
        Instant now = clock.instant();
        HourlyStats.SeatSample sample = store.read(reads -> sampleOf(now, reads.poolSize(now), reads.holderCounts(now)));
        Instant oldestKept = hour.minus(Duration.ofHours(KEPT_HOURS - 1));
        return store.write(writes -> {
            if (writes.hourSampled(hour)) {
                return new Outcome(written, false, 0);
            }
            writes.saveHourlySample(hour, sample);
            return new Outcome(written, true, writes.deleteHourlyStatsBefore(oldestKept));
        });
    }

    private static HourlyStats.SeatSample sampleOf(Instant now, PoolSize pool, HolderCounts holders) {
        return new HourlyStats.SeatSample(now, pool.activeLicenses(), pool.seats(), pool.used(), holders.active(),
                holders.reserved(), holders.waiting());
    }
}
