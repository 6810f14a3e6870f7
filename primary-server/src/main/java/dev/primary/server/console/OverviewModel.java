package dev.primary.server.console;

import dev.primary.protocol.admin.HourlyStats;
import dev.primary.protocol.admin.HourlyStatsPage;
import dev.primary.protocol.admin.RecorderVersionCount;
import dev.primary.protocol.admin.RecorderVersions;
import dev.primary.protocol.message.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The Overview: the fleet's hourly statistics and Recorder versions as charts, each with its numbers as a table.
 * Without statistics (a store that keeps none) the page says so and shows no chart.
 *
 * @param statistics whether the server keeps statistics; when not, every other part is empty
 * @param from the first hour of the charts (the first hour starting in the range), at their left edge
 * @param last the last hour of the charts (the current one), at their right edge
 * @param to the end of the range (now)
 * @param hours the kept hours of the range, oldest first (the charts' numbers)
 * @param seatsUsed seats used by the hourly samples, one slot an hour
 * @param checkIns check-ins answered, one slot an hour
 * @param versions every computer but conflicts, by Recorder version, newest first (the bar chart's numbers)
 * @param versionBars the bar chart of {@code versions}, the oldest folded into one bar when there are many
 */
public record OverviewModel(ConsoleFrame frame, boolean statistics, Instant from, Instant last, Instant to, List<HourlyStats> hours,
        LineChart seatsUsed, LineChart checkIns, RecorderVersions versions, BarChart versionBars) {
    /** The size of a line chart's plotting box, in the SVG's units. */
    public static final int LINE_WIDTH = 720;
    public static final int LINE_HEIGHT = 180;
    /** The width of the version chart's longest bar and the height of one row, in the SVG's units. */
    public static final int BAR_WIDTH = 480;
    public static final int BAR_ROW = 24;
    /** The most bars the version chart draws; older versions beyond it share one bar (the table lists each). */
    public static final int VERSION_BARS = 12;
    private static final String NEVER_RAN = Version.NONE.display();

    public OverviewModel {
        hours = List.copyOf(hours);
    }

    /** The page of a server that keeps no statistics. */
    public static OverviewModel withoutStatistics(ConsoleFrame frame) {
        Instant none = Instant.EPOCH;
        return new OverviewModel(frame, false, none, none, none, List.of(), LineChart.of(List.of(), LINE_WIDTH, LINE_HEIGHT),
                LineChart.of(List.of(), LINE_WIDTH, LINE_HEIGHT), new RecorderVersions(0, List.of()),
                BarChart.of(List.of(), BAR_WIDTH, BAR_ROW));
    }

    /** The page of {@code page}'s hours and the fleet's {@code versions}. */
    public static OverviewModel of(ConsoleFrame frame, HourlyStatsPage page, RecorderVersions versions) {
        Instant first = page.from().truncatedTo(ChronoUnit.HOURS);
        if (first.isBefore(page.from())) {
            first = first.plus(Duration.ofHours(1));
        }
        List<Instant> slots = new ArrayList<>();
        for (Instant hour = first; hour.isBefore(page.to()); hour = hour.plus(Duration.ofHours(1))) {
            slots.add(hour);
        }
        Map<Instant, HourlyStats> byHour = new HashMap<>();
        page.hours().forEach(hour -> byHour.put(hour.hour(), hour));
        LineChart seats = LineChart.of(values(slots, byHour, hour -> hour.seats() == null ? OptionalLong.empty()
                : OptionalLong.of(hour.seats().used())), LINE_WIDTH, LINE_HEIGHT);
        LineChart checkIns = LineChart.of(values(slots, byHour, hour -> OptionalLong.of(hour.checkIns())), LINE_WIDTH,
                LINE_HEIGHT);
        return new OverviewModel(frame, true, first, slots.isEmpty() ? first : slots.get(slots.size() - 1), page.to(),
                page.hours(), seats, checkIns, versions,
                BarChart.of(versionBars(versions.versions()), BAR_WIDTH, BAR_ROW));
    }

    /**
     * The bars of {@code versions} (newest first): each while they are at most {@link #VERSION_BARS}; else the
     * newest, one bar {@code 17 older versions} for the rest, and {@code V 0.0 (0000)} (never ran) always its own.
     */
    static List<BarChart.Datum> versionBars(List<RecorderVersionCount> versions) {
        if (versions.size() <= VERSION_BARS) {
            return versions.stream().map(count -> new BarChart.Datum(count.version(), count.computers())).toList();
        }
        Optional<RecorderVersionCount> neverRan = versions.stream()
                .filter(count -> count.version().equals(NEVER_RAN)).findFirst();
        List<RecorderVersionCount> ran = versions.stream().filter(count -> !count.version().equals(NEVER_RAN)).toList();
        int shown = VERSION_BARS - 1 - (neverRan.isPresent() ? 1 : 0);
        List<BarChart.Datum> bars = new ArrayList<>();
        ran.stream().limit(shown).forEach(count -> bars.add(new BarChart.Datum(count.version(), count.computers())));
        List<RecorderVersionCount> older = ran.subList(shown, ran.size());
        bars.add(new BarChart.Datum(older.size() + " older versions",
                older.stream().mapToLong(RecorderVersionCount::computers).sum()));
        neverRan.ifPresent(count -> bars.add(new BarChart.Datum(count.version(), count.computers())));
        return bars;
    }

    /** The latest seat sample's used seats of the range, as text; a dash for none. */
    public String seatsUsedNow() {
        return latestSample().map(sample -> String.format("%,d of %,d seats", sample.used(), sample.seats()))
                .orElse("—");
    }

    /** The most seats used in one sample of the range. */
    public long seatsUsedPeak() {
        return hours.stream().filter(hour -> hour.seats() != null).mapToLong(hour -> hour.seats().used()).max()
                .orElse(0);
    }

    public long checkInsTotal() {
        return hours.stream().mapToLong(HourlyStats::checkIns).sum();
    }

    /** The hour with the most check-ins of the range; the earliest of several. */
    public Optional<HourlyStats> busiestHour() {
        return hours.stream().filter(hour -> hour.checkIns() > 0)
                .max(Comparator.comparingLong(HourlyStats::checkIns).thenComparing(HourlyStats::hour,
                        Comparator.reverseOrder()));
    }

    /** The time halfway between the first and the last hour, for the label under the middle of a line chart. */
    public String middleOfRange() {
        return ConsoleText.when(from.plus(Duration.between(from, last).dividedBy(2)));
    }

    /** {@code 12.5 %}: a version's share of the fleet. */
    public String share(long computers) {
        return versions.computers() == 0 ? "—"
                : String.format("%.1f %%", 100.0 * computers / versions.computers());
    }

    private Optional<HourlyStats.SeatSample> latestSample() {
        HourlyStats.SeatSample latest = null;
        for (HourlyStats hour : hours) {
            if (hour.seats() != null) {
                latest = hour.seats();
            }
        }
        return Optional.ofNullable(latest);
    }

    private static List<OptionalLong> values(List<Instant> slots, Map<Instant, HourlyStats> byHour,
            Function<HourlyStats, OptionalLong> value) {
        return slots.stream().map(slot -> Optional.ofNullable(byHour.get(slot)).map(value)
                .orElse(OptionalLong.empty())).toList();
    }
}
