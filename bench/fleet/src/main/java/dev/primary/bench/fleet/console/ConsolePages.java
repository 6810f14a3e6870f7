package dev.primary.bench.fleet.console;

import dev.primary.admin.http.AdminConnection;
import dev.primary.bench.harness.FleetSeeder;
import dev.primary.bench.harness.ManagedServer;
import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Manage Computers at scale (docs/performance.md, "Manage Computers at a million computers: the console"): a real
 * server on a store of {@code computers} computers seeded by {@link FleetSeeder}, then each of {@link #PAGES} timed
 * twice: the server's answer over HTTPS (request sent to last byte read, one keep-alive connection, logged in as a
 * browser is), and in a real headless Chromium from the start of the navigation until the table is in the DOM and
 * until the load event (Navigation Timing).
 */
public final class ConsolePages {
    /** The license the seeded computers hold a seat of. */
    static final String SERIAL = "CONSOLE-BENCH-1";
    private static final String ACCOUNT = "bench";
    private static final String PASSWORD = "console-bench-password-1";
    private static final Pattern RANGE = Pattern.compile("<p class=\"range\" id=\"range\">([^<]*)</p>");

    private static final String COMPUTERS = "computers";

    /** The pages of Manage Computers an administrator opens first, the last page, and the Overview's charts. */
    public static final List<Page> PAGES = List.of(
            computers("first page (sorted by name)", ""),
            computers("state waiting", "state=waiting"),
            computers("state licensed, last contact newest first", "state=licensed&sort=last-contact&order=desc"),
            computers("search PC-00042", "search=PC-00042"),
            computers("search PC-0004 and state licensed", "search=PC-0004&state=licensed"),
            computers("last page (offset 999,950)", "offset=999950"),
            new Page("Overview (charts)", "/console/overview", "versions-table", "/admin/v1/stats/recorder-versions"));
    /** A navigation slower than this is counted apart as a stall (its time still enters the median). */
    static final double STALL_MILLIS = 5_000;

    private ConsolePages() {}

    /**
     * A page of the console: what it is, its address, the id of the table it must show, and the admin API's route
     * that reads the same from the store (timed beside it, to tell the store's part from the page's).
     */
    public record Page(String name, String path, String table, String api) {
    }

    private static Page computers(String name, String query) {
        return new Page(name, "/console/computers" + (query.isEmpty() ? "" : "?" + query), COMPUTERS,
                "/admin/v1/computers?limit=50" + (query.isEmpty() ? "" : "&" + query));
    }

    /**
     * What to measure.
     *
     * @param repeats timed requests per page after its first (cold) one
     * @param browserRepeats timed navigations per page after its first one; 0 for no browser
     */
    public record Settings(int computers, int licensed, int repeats, int browserRepeats, Path chromium,
            Path chromedriver, List<String> serverJvmOptions) {
        public Settings {
            if (computers < 1 || licensed < 1 || licensed > computers) {
                throw new IllegalArgumentException("need 1 <= licensed <= computers, got " + licensed + " of "
                        + computers);
            }
            if (repeats < 1 || browserRepeats < 0) {
                throw new IllegalArgumentException("need at least 1 repeat (and no negative browser repeats), got "
                        + repeats + " and " + browserRepeats);
            }
            serverJvmOptions = List.copyOf(serverJvmOptions);
        }
    }

    /** The server's time for one page: its first answer and the repeats' median, minimum and maximum (ms). */
    public record ServerTiming(Page page, double first, double median, double min, double max, int bytes,
            String range, double apiMedian) {
    }

    /**
     * The browser's times for one page, medians of the repeats (ms from the start of the navigation).
     *
     * @param tableMin the fastest repeat's table in the DOM
     * @param tableMax the slowest repeat's
     * @param firstTable the first navigation's (cold) table in the DOM
     */
    public record BrowserTiming(Page page, double responseStart, double tableInDom, double tableMin, double tableMax,
            double contentLoaded, double load, double firstTable, long rows, int stalls) {
    }

    /** Everything one run measured. */
    public record Report(int computers, long stored, double seedSeconds, long residentBytes, String browser,
            List<ServerTiming> server, List<BrowserTiming> browserTimings, String loadBefore, String loadAfter) {
    }

    /** Starts a server in {@code work}, seeds it, and measures; the server is stopped afterwards. */
    public static Report run(Path work, Settings settings, PrintWriter progress) {
        try (ManagedServer server = new ManagedServer(work, settings.serverJvmOptions(), List.of())) {
            server.start();
            server.license(SERIAL, settings.licensed());
            server.stop();
            say(progress, "seeding %,d computers (%,d licensed) ...", settings.computers(), settings.licensed());
            long seeding = System.nanoTime();
            long stored = FleetSeeder.seed(server.dataDirectory(), SERIAL, settings.computers(), settings.licensed());
            double seedSeconds = (System.nanoTime() - seeding) / 1e9;
            say(progress, "seeded in %.0f s; starting the server on it ...", seedSeconds);
            server.start();
            AdminConnection admin = server.adminConnection();
            ConsoleSession session = new ConsoleSession(admin.baseUrl(), admin.tlsPin());
            session.createAccount(admin.token(), ACCOUNT, PASSWORD);
            session.login(ACCOUNT, PASSWORD);
            String loadBefore = loadAverage();
            List<ServerTiming> serverTimings = new ArrayList<>();
            for (Page page : PAGES) {
                serverTimings.add(time(session, admin.token(), page, settings.repeats()));
                say(progress, "server: %s", serverTimings.get(serverTimings.size() - 1));
            }
            List<BrowserTiming> browserTimings = new ArrayList<>();
            String browser = "none";
            if (settings.browserRepeats() > 0) {
                try (ConsoleBrowser chromium = new ConsoleBrowser(admin.baseUrl(), admin.tlsPin(), settings.chromium(),
                        settings.chromedriver())) {
                    browser = chromium.browserVersion();
                    chromium.login(ACCOUNT, PASSWORD);
                    for (Page page : PAGES) {
                        browserTimings.add(time(chromium, page, settings.browserRepeats(), progress));
                        say(progress, "browser: %s", browserTimings.get(browserTimings.size() - 1));
                    }
                }
            }
            return new Report(settings.computers(), stored, seedSeconds, server.usage().residentBytes(), browser,
                    serverTimings, browserTimings, loadBefore, loadAverage());
        }
    }

    private static ServerTiming time(ConsoleSession session, String token, Page page, int repeats) {
        long started = System.nanoTime();
        HttpResponse<String> first = checked(session.get(page.path()), page);
        double firstMillis = (System.nanoTime() - started) / 1e6;
        double[] times = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long again = System.nanoTime();
            checked(session.get(page.path()), page);
            times[i] = (System.nanoTime() - again) / 1e6;
        }
        Arrays.sort(times);
        double[] api = new double[repeats];
        session.api(page.api(), token);
        for (int i = 0; i < repeats; i++) {
            long again = System.nanoTime();
            session.api(page.api(), token);
            api[i] = (System.nanoTime() - again) / 1e6;
        }
        Arrays.sort(api);
        Matcher range = RANGE.matcher(first.body());
        return new ServerTiming(page, firstMillis, median(times), times[0], times[repeats - 1],
                first.body().length(), range.find() ? range.group(1) : "—", median(api));
    }

    private static HttpResponse<String> checked(HttpResponse<String> answer, Page page) {
        if (answer.statusCode() != 200 || !answer.body().contains("<table id=\"" + page.table() + "\"")) {
            throw new IllegalStateException(page.path() + " answered " + answer.statusCode() + " without the table");
        }
        return answer;
    }

    private static BrowserTiming time(ConsoleBrowser browser, Page page, int repeats, PrintWriter progress) {
        ConsoleBrowser.Navigation first = browser.open(page);
        List<ConsoleBrowser.Navigation> navigations = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            ConsoleBrowser.Navigation navigation = browser.open(page);
            if (navigation.load() > STALL_MILLIS) {
                say(progress, "browser: stall at navigation %d of %s: %s", i + 1, page.path(), navigation);
            }
            navigations.add(navigation);
        }
        if (navigations.stream().anyMatch(navigation -> navigation.rows() != first.rows())) {
            throw new IllegalStateException(page.path() + " showed tables of different lengths");
        }
        double[] table = sorted(navigations, ConsoleBrowser.Navigation::tableInDom);
        return new BrowserTiming(page, median(sorted(navigations, ConsoleBrowser.Navigation::responseStart)),
                median(table), table[0], table[table.length - 1],
                median(sorted(navigations, ConsoleBrowser.Navigation::contentLoaded)),
                median(sorted(navigations, ConsoleBrowser.Navigation::load)), first.tableInDom(), first.rows(),
                (int) navigations.stream().filter(navigation -> navigation.load() > STALL_MILLIS).count());
    }

    private static double[] sorted(List<ConsoleBrowser.Navigation> navigations,
            ToDoubleFunction<ConsoleBrowser.Navigation> value) {
        return navigations.stream().mapToDouble(value).sorted().toArray();
    }

    /** The middle value of sorted {@code values}; the mean of the two middle ones for an even count. */
    static double median(double[] values) {
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /** The report as Markdown tables, as docs/performance.md shows them. */
    public static List<String> markdown(Report report) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%,d computers in the store (seeded in %.0f s); server resident %d MB;"
                + " browser %s; load average before %s, after %s", report.stored(), report.seedSeconds(),
                report.residentBytes() / (1024 * 1024), report.browser(), report.loadBefore(), report.loadAfter()));
        lines.add("");
        lines.add("| page | server: first | median | min–max | the same read by the admin API, median | rows of the page |");
        lines.add("|---|---|---|---|---|---|");
        for (ServerTiming timing : report.server()) {
            lines.add(String.format(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.0f–%.0f ms | %.0f ms | %s |",
                    timing.page().name(), timing.first(), timing.median(), timing.min(), timing.max(),
                    timing.apiMedian(), timing.range()));
        }
        if (!report.browserTimings().isEmpty()) {
            lines.add("");
            lines.add("| page | browser: first byte | **table in DOM** | min–max | scripts run | load | first (cold) table"
                    + " in DOM | rows | stalls over 5 s |");
            lines.add("|---|---|---|---|---|---|---|---|---|");
            for (BrowserTiming timing : report.browserTimings()) {
                lines.add(String.format(Locale.ROOT,
                        "| %s | %.0f ms | **%.0f ms** | %.0f–%.0f ms | %.0f ms | %.0f ms | %.0f ms | %d | %d |",
                        timing.page().name(), timing.responseStart(), timing.tableInDom(), timing.tableMin(),
                        timing.tableMax(), timing.contentLoaded(), timing.load(), timing.firstTable(), timing.rows(),
                        timing.stalls()));
            }
        }
        return lines;
    }

    private static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void say(PrintWriter progress, String format, Object... values) {
        progress.println("console-pages: " + String.format(Locale.ROOT, format, values));
        progress.flush();
    }
}
