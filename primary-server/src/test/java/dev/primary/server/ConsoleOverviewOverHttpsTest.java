package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.AccountRequest;
import dev.primary.protocol.admin.AccountRole;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.server.config.ServerConfiguration;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Overview's charts over real HTTPS on a real server and SQLite store: what a first run counted (check-ins,
 * registrations, Recorder versions) drawn as SVG after a restart, with the same numbers as text and tables.
 */
class ConsoleOverviewOverHttpsTest {
    private static final String PASSWORD = "overview-password-Zt54";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final int CHECK_INS = 3;

    @TempDir
    Path dataDirectory;
    private final List<AutoCloseable> running = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable server : running) {
            server.close();
        }
    }

    @Test
    void the_overview_draws_what_the_server_counted_as_charts_with_their_numbers_as_text() throws Exception {
        ServerConfiguration configuration = ServerConfiguration.onFreeLoopbackPorts(dataDirectory);
        try (LiveServer live = LiveServer.startLicensed(configuration)) {
            HttpResponse<String> created = live.admin.postJson("/admin/v1/accounts",
                    LiveServer.json(new AccountRequest("vera", AccountRole.VIEWER, PASSWORD)), live.bearer());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            HttpResponse<String> second = live.register(Ed25519.generate(), "PC2", live.enrollmentToken());
            assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
            for (int i = 0; i < CHECK_INS; i++) {
                assertThat(live.verifyClient("any").statusCode()).isEqualTo(200);
            }
        }
        PrimaryServer again = PrimaryServer.start(configuration, Clock.systemUTC());
        running.add(again);
        PinnedHttps admin = new PinnedHttps(again.adminUri(), again.tlsPin());

        String page = overview(admin, login(admin, again, "vera"));

        assertThat(page).contains("<svg class=\"chart line-chart\" id=\"seats-chart\"")
                .contains("<svg class=\"chart line-chart\" id=\"check-ins-chart\"")
                .contains("<svg class=\"chart bar-chart\" id=\"versions-chart\"")
                .contains("role=\"img\" aria-labelledby=\"check-ins-chart-title check-ins-chart-desc\"")
                .contains("<title id=\"check-ins-chart-title\">Check-ins per hour, ");
        // The first run may span the start of an hour: its counts are then in two hours' rows.
        List<List<Long>> rows = hourRows(page);
        long busiest = rows.stream().mapToLong(row -> row.get(0)).max().orElseThrow();
        assertThat(page).as("the text of the check-ins chart").contains(CHECK_INS + " check-ins since")
                .contains("most in one hour: " + busiest);
        assertThat(rows).as("check-ins, registrations of the table Hour by hour").hasSizeBetween(1, 2)
                .allSatisfy(row -> assertThat(row).hasSize(2));
        assertThat(rows.stream().mapToLong(row -> row.get(0)).sum()).isEqualTo(CHECK_INS);
        assertThat(rows.stream().mapToLong(row -> row.get(1)).sum()).isEqualTo(2);
        Matcher top = Pattern.compile("id=\"check-ins-chart\"[^>]*data-top=\"(\\d+)\"").matcher(page);
        assertThat(top.find()).isTrue();
        long axisTop = Long.parseLong(top.group(1));
        assertThat(axisTop).as("the axis: the busiest hour rounded up to 1, 2 or 5").isEqualTo(busiest == 3 ? 5 : busiest);
        long busiestY = 180 - 180 * busiest / axisTop; // whole for every axis top the test can meet
        assertThat(page).as("the busiest hour drawn at its height in the check-ins chart (a dot, or a line's point)")
                .containsPattern("(?s)id=\"check-ins-chart-desc\".*?(cy=\"|,)" + busiestY + "(\\.0)?[\" ]");
        assertThat(page).as("a bar and a table row for each Recorder version, never-licensed as V 0.0 (0000)")
                .contains("data-version=\"V 1.0 (0001)\" data-computers=\"1\"")
                .contains("data-version=\"V 0.0 (0000)\" data-computers=\"1\"")
                .contains("<th scope=\"row\" class=\"recorder\">V 1.0 (0001)</th><td>1</td><td>50.0 %</td>")
                .contains("<th scope=\"row\" class=\"recorder\">V 0.0 (0000)</th><td>1</td><td>50.0 %</td>")
                .contains("2 computers (conflicts not counted) on 2 versions");
        assertThat(page).as("the navigation marks the page").contains(
                "<a href=\"/console/overview\" aria-current=\"page\">Overview</a>");
        assertThat(page).doesNotContain("<script>").doesNotContain(" style=");
    }

    @Test
    void the_overview_needs_a_session() throws Exception {
        LiveServer live = LiveServer.startLicensed(ServerConfiguration.onFreeLoopbackPorts(dataDirectory));
        running.add(live);

        HttpResponse<String> answer = live.admin.get("/console/overview");

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/console/login");
    }

    /** Each row of the table Hour by hour as its check-ins and registrations. */
    private static List<List<Long>> hourRows(String page) {
        Matcher row = Pattern.compile("</time></th>\\s*<td>(\\d+)</td><td>(\\d+)</td>").matcher(page);
        List<List<Long>> rows = new ArrayList<>();
        while (row.find()) {
            rows.add(List.of(Long.parseLong(row.group(1)), Long.parseLong(row.group(2))));
        }
        return rows;
    }

    /** Logs in through the console's login form as a browser would; the session cookie. */
    private static String login(PinnedHttps admin, PrimaryServer server, String name) throws Exception {
        HttpResponse<String> form = admin.get("/console/login");
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as(form.body()).isTrue();
        String loginCookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        String body = "name=" + name + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = admin.send(admin.request("/console/login")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", loginCookie)
                .header("Sec-Fetch-Site", "same-origin").header("Origin", "https://" + server.adminUri().getRawAuthority())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
        return login.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("primary_session="))
                .findFirst().orElseThrow().split(";", 2)[0];
    }

    private static String overview(PinnedHttps admin, String session) throws Exception {
        HttpResponse<String> page = admin.send(admin.request("/console/overview").header("Cookie", session).GET()
                .build());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }
}
