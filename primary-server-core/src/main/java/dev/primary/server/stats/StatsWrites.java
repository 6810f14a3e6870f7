package dev.primary.server.stats;

import dev.primary.protocol.admin.HourlyStats;
import java.time.Instant;

/** What the statistics change in the store. */
public interface StatsWrites extends StatsReads {

    /**
     * Adds the counts to the hour starting at {@code counts.hour()}, making its row if there is none: several servers
     * writing the same hour add up.
     */
    void addHourlyCounts(HourCounts counts);

    /** Sets the seat sample of the hour starting at {@code hour}, making its row if there is none. */
    void saveHourlySample(Instant hour, HourlyStats.SeatSample sample);

    /** Deletes the hours that start before {@code hour}; returns how many. */
    int deleteHourlyStatsBefore(Instant hour);
}
