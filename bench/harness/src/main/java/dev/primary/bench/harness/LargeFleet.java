package dev.primary.bench.harness;

import dev.primary.admin.http.AdminApi;
import dev.primary.admin.http.Answer;
import dev.primary.protocol.admin.ComputerPage;
import dev.primary.protocol.admin.ComputerQuery;
import dev.primary.protocol.admin.ComputerState;
import java.time.Duration;
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
    public static final List<ComputerQuery> FIRST_PAGES = List.of(
            new ComputerQuery("", null, ComputerQuery.Sort.NAME, false, 0, 100),
            new ComputerQuery("", ComputerState.LICENSED, ComputerQuery.Sort.LAST_CONTACT, true, 0, 100),
            new ComputerQuery("PC-00042", null, ComputerQuery.Sort.NAME, false, 0, 100),
            new ComputerQuery("", ComputerState.WAITING, ComputerQuery.Sort.STATE, false, 0, 100));
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
        AdminApi admin = new AdminApi(server.adminConnection(), Duration.ofSeconds(10), Duration.ofSeconds(60));
        List<PageTiming> timings = new ArrayList<>();
        long peak = residentAtStart;
        for (ComputerQuery query : FIRST_PAGES) {
            timings.add(time(admin, query));
            peak = Math.max(peak, server.usage().residentBytes());
        }
        long residentAtEnd = server.usage().residentBytes();
        return result(computers, total, seedSeconds, timings, peak, residentAtEnd, residentAtStart);
    }

    private static PageTiming time(AdminApi admin, ComputerQuery query) {
        long started = System.nanoTime();
        ComputerPage first = page(admin, query);
        double firstMillis = (System.nanoTime() - started) / 1e6;
        double[] repeats = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long again = System.nanoTime();
            page(admin, query);
            repeats[i] = (System.nanoTime() - again) / 1e6;
        }
        Arrays.sort(repeats);
        return new PageTiming(describe(query), firstMillis, repeats[REPEATS / 2], first.total(), first.items().size());
    }

    private static ComputerPage page(AdminApi admin, ComputerQuery query) {
        Answer answer = admin.computers(query);
        if (answer.status() != 200) {
            throw new IllegalStateException(answer.request() + " answered " + answer.status());
        }
        return answer.as(ComputerPage.class);
    }

    private static String describe(ComputerQuery query) {
        return "sort " + query.sort().name().toLowerCase(java.util.Locale.ROOT) + (query.descending() ? " desc" : "")
                + query.stateFilter().map(state -> ", state " + state.wireName()).orElse("")
                + (query.search().isEmpty() ? "" : ", search " + query.search());
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
