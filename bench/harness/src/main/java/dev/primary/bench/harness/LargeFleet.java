package dev.primary.bench.harness;

import dev.primary.protocol.admin.ComputerPage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The large-fleet figure: a server whose store holds {@code computers} registered computers (seeded in
 * bulk while it is stopped), measured for its resident memory and for how fast Manage Computers shows
 * a first page, sorted and filtered, over the admin API.
 */
public final class LargeFleet {
    /** Manage Computers pages an administrator asks for first: the default, a state filter, a search, the waiting list. */
    public static final List<String> FIRST_PAGES = List.of(
            "/admin/v1/computers?sort=name&limit=100",
            "/admin/v1/computers?state=licensed&sort=last-contact&order=desc&limit=100",
            "/admin/v1/computers?search=PC-00042&sort=name&limit=100",
            "/admin/v1/computers?state=waiting&sort=state&limit=100");
    private static final int REPEATS = 7;

    private LargeFleet() {}

    /** How fast one page came: its first (cold) answer, the median of the repeats, and what it held. */
    public record PageTiming(String query, double firstMillis, double medianMillis, long total, int items) {
    }

    /**
     * Seeds {@code server} (licensed with {@code serial} for at least {@code licensed} seats) to
     * {@code computers} computers, restarts it, and times {@link #FIRST_PAGES}.
     */
    public static ScenarioResult measure(ManagedServer server, String serial, int computers, int licensed) {
        server.stop();
        long seedStarted = System.nanoTime();
        long total = FleetSeeder.seed(server.dataDirectory(), serial, computers, licensed);
        double seedSeconds = (System.nanoTime() - seedStarted) / 1e9;
        server.start();
        long residentAtStart = server.usage().residentBytes();
        AdminHttps admin = new AdminHttps(server.dataDirectory());
        List<PageTiming> timings = new ArrayList<>();
        long peak = residentAtStart;
        for (String query : FIRST_PAGES) {
            timings.add(time(admin, query));
            peak = Math.max(peak, server.usage().residentBytes());
        }
        long residentAtEnd = server.usage().residentBytes();
        return result(computers, total, seedSeconds, timings, peak, residentAtEnd, residentAtStart);
    }

    private static PageTiming time(AdminHttps admin, String query) {
        AdminHttps.Timed<ComputerPage> first = admin.get(query, ComputerPage.class);
        double[] repeats = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            repeats[i] = admin.get(query, ComputerPage.class).millis();
        }
        Arrays.sort(repeats);
        return new PageTiming(query, first.millis(), repeats[REPEATS / 2], first.answer().total(),
                first.answer().items().size());
    }

    private static ScenarioResult result(int computers, long total, double seedSeconds, List<PageTiming> timings,
            long peakResident, long endResident, long startResident) {
        double slowestFirst = timings.stream().mapToDouble(PageTiming::firstMillis).max().orElse(0);
        double[] medians = timings.stream().mapToDouble(PageTiming::medianMillis).sorted().toArray();
        double slowestMedian = medians.length == 0 ? 0 : medians[medians.length - 1];
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("computersInStore", Long.toString(total));
        notes.put("seedSeconds", String.format("%.1f", seedSeconds));
        notes.put("residentBytesAfterStart", Long.toString(startResident));
        notes.put("latency", "p50 = slowest median of the first pages, p99 = slowest median, max = slowest cold first answer");
        for (PageTiming timing : timings) {
            notes.put("page " + timing.query(), String.format("first %.1f ms, median %.1f ms, total %d, items %d",
                    timing.firstMillis(), timing.medianMillis(), timing.total(), timing.items()));
        }
        return new ScenarioResult("large-fleet", computers, true, 1, timings.size() * (REPEATS + 1L), 0, 0,
                new ScenarioResult.Latency(medians.length == 0 ? 0 : medians[medians.length / 2], slowestMedian,
                        slowestFirst),
                Map.of(), new ScenarioResult.ServerUsage(0, 0, peakResident, endResident), null, notes);
    }
}
