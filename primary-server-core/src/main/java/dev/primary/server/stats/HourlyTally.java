package dev.primary.server.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts check-ins, registrations and reports in memory, per hour of the injected clock, until they are
 * {@linkplain #drain drained} to be added to the store. Counting is a map look-up and an add, never a store write, so
 * it costs a check-in nothing measurable; threads count without a lock.
 *
 * <p>An hour's counters stay in the map while it is the current hour and until a drain after it finds them empty, so
 * a count that lands just as the hour turns is taken by the next drain rather than lost.
 */
public final class HourlyTally {
    private final Clock clock;
    private final Map<Instant, Counters> hours = new ConcurrentHashMap<>();

    public HourlyTally(Clock clock) {
        this.clock = clock;
    }

    public void checkIn() {
        current().checkIns.increment();
    }

    public void registration() {
        current().registrations.increment();
    }

    public void report() {
        current().reports.increment();
    }

    /** Takes every count held, per hour, oldest first; hours with nothing counted since the last drain are left out. */
    public List<HourCounts> drain() {
        Instant currentHour = hourOf(clock.instant());
        List<HourCounts> drained = new ArrayList<>();
        for (Map.Entry<Instant, Counters> entry : hours.entrySet()) {
            Counters counters = entry.getValue();
            HourCounts counts = new HourCounts(entry.getKey(), counters.checkIns.sumThenReset(),
                    counters.registrations.sumThenReset(), counters.reports.sumThenReset());
            if (!counts.isEmpty()) {
                drained.add(counts);
            } else if (entry.getKey().isBefore(currentHour)) {
                hours.remove(entry.getKey(), counters);
            }
        }
        drained.sort(Comparator.comparing(HourCounts::hour));
        return drained;
    }

    /** Gives back counts that were drained but could not be written, so the next drain takes them again. */
    public void restore(List<HourCounts> counts) {
        for (HourCounts count : counts) {
            Counters counters = hours.computeIfAbsent(count.hour(), hour -> new Counters());
            counters.checkIns.add(count.checkIns());
            counters.registrations.add(count.registrations());
            counters.reports.add(count.reports());
        }
    }

    /** The start of the UTC hour {@code instant} falls in. */
    public static Instant hourOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.HOURS);
    }

    private Counters current() {
        return hours.computeIfAbsent(hourOf(clock.instant()), hour -> new Counters());
    }

    private static final class Counters {
        final LongAdder checkIns = new LongAdder();
        final LongAdder registrations = new LongAdder();
        final LongAdder reports = new LongAdder();
    }
}
