package dev.primary.server.stats;

import dev.primary.protocol.admin.HourlyStats;
import dev.primary.protocol.release.UpdateState;
import dev.primary.server.release.Rollout;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the statistics read from the store. */
public interface StatsReads {

    /** The kept hours whose start is at or after {@code from} and before {@code to}, oldest first. */
    List<HourlyStats> hourlyStats(Instant from, Instant to);

    /** Whether the hour starting at {@code hour} has its seat sample. */
    boolean hourSampled(Instant hour);

    /**
     * How many computers (conflicts aside) report each Recorder version, by the stored dotted version
     * ({@code 0.0.0} for a Recorder that never ran); counted over an index.
     */
    Map<String, Long> recorderVersionCounts();

    Optional<Rollout> rollout(long id);

    /** How many computers rollout {@code rolloutId} reached stand in each update state (states with none left out). */
    Map<UpdateState, Long> rolloutStateCounts(long rolloutId);
}
