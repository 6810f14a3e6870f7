package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.AccountRole;
import dev.primary.protocol.admin.AuditEntry;
import dev.primary.protocol.admin.ComputerAction;
import dev.primary.protocol.json.Json;
import dev.primary.server.config.ServerConfiguration;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's audit page over real HTTPS on a real server and SQLite store: actions done in the console appear
 * under the signed-in account, the filters narrow the page, older entries are paged, and the CSV export answers a
 * session and nobody else.
 */
class ConsoleAuditOverHttpsTest {
    private static final String PASSWORD = "console-password-Qw27";
    private static final Pattern ROW = Pattern.compile("<tr data-audit-id=\"(\\d+)\">");

    @TempDir
    Path dataDirectory;
    private LiveServer live;

    @BeforeEach
    void start() throws Exception {
        live = LiveServer.startLicensed(ServerConfiguration.onFreeLoopbackPorts(dataDirectory));
    }

    @AfterEach
    void stop() {
        live.close();
    }

    @Test
    void an_action_done_in_the_console_shows_on_the_audit_page_under_the_account_and_the_filters_narrow_it()
            throws Exception {
        account("olga", AccountRole.OPERATOR);
        account("vera", AccountRole.VIEWER);
        SignedInBrowser operator = SignedInBrowser.loggedIn(live, "olga", PASSWORD);
        HttpResponse<String> reserved = operator.submit("/console/computers", "/console/computers/reserve",
                Map.of("computer", "CORP\\PC9"));
        assertThat(reserved.statusCode()).as(reserved.body()).isEqualTo(303);
        SignedInBrowser viewer = SignedInBrowser.loggedIn(live, "vera", PASSWORD);

        HttpResponse<String> all = viewer.get("/console/audit");
        HttpResponse<String> byActor = viewer.get("/console/audit?actor=olga");
        HttpResponse<String> byComputer = viewer.get("/console/audit?computer=" + encode("CORP\\PC1"));
        HttpResponse<String> byAction = viewer.get("/console/audit?actor=olga&action=seat.reserved");
        HttpResponse<String> none = viewer.get("/console/audit?actor=olga&action=seat.released");
        HttpResponse<String> future = viewer.get("/console/audit?from=2999-01-01");

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("<td class=\"actor\">olga</td>").contains("seat.reserved")
                .contains("CORP\\PC9").contains("<td class=\"action\">license.imported</td>")
                .contains("aria-current=\"page\">Audit</a>");
        assertThat(rows(byActor)).isNotEmpty();
        assertThat(Arrays.stream(byActor.body().split("<td class=\"actor\">", -1)).skip(1)).allSatisfy(cell ->
                assertThat(cell).startsWith("olga</td>"));
        assertThat(byActor.body()).contains("CORP\\PC9").doesNotContain("<td class=\"action\">license.imported</td>")
                .contains("value=\"olga\"");
        assertThat(rows(byAction)).hasSize(1);
        assertThat(byAction.body()).contains("CORP\\PC9");
        assertThat(byComputer.body()).contains("CORP\\PC1").doesNotContain("CORP\\PC9");
        assertThat(rows(byComputer)).isNotEmpty();
        assertThat(rows(none)).isEmpty();
        assertThat(none.body()).contains("No audit entry matches.");
        assertThat(rows(future)).isEmpty();
    }

    @Test
    void a_bad_filter_is_refused_on_the_page_naming_its_field() throws Exception {
        account("vera", AccountRole.VIEWER);
        SignedInBrowser viewer = SignedInBrowser.loggedIn(live, "vera", PASSWORD);

        HttpResponse<String> badTime = viewer.get("/console/audit?from=yesterday");
        HttpResponse<String> backwards = viewer.get("/console/audit?from=2026-12-02&to=2026-12-01");

        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(badTime.body()).contains("from must be an ISO-8601 time").contains("value=\"yesterday\"");
        assertThat(rows(badTime)).isEmpty();
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("to must be after from");
    }

    @Test
    void older_entries_are_paged_fifty_at_a_time_without_gaps_or_repeats() throws Exception {
        account("vera", AccountRole.VIEWER);
        for (int i = 0; i < 30; i++) {
            for (String action : List.of("reserve", "release")) {
                HttpResponse<String> done = live.admin.postJson("/admin/v1/computers/" + action,
                        LiveServer.json(new ComputerAction("CORP\\SPARE" + i, "")), live.bearer());
                assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
            }
        }
        SignedInBrowser viewer = SignedInBrowser.loggedIn(live, "vera", PASSWORD);

        int total = Json.read(live.admin.get("/admin/v1/audit?limit=1000", live.bearer()).body()
                .getBytes(StandardCharsets.UTF_8), AuditEntry[].class).length;
        HttpResponse<String> newest = viewer.get("/console/audit?actor=&action=");
        Matcher older = Pattern.compile("href=\"([^\"]+)\" rel=\"next\" id=\"audit-older\"").matcher(newest.body());
        assertThat(older.find()).as(newest.body()).isTrue();
        HttpResponse<String> next = viewer.get(older.group(1).replace("&amp;", "&"));

        List<Long> first = rows(newest);
        List<Long> second = rows(next);
        assertThat(first).hasSize(50);
        assertThat(total).isBetween(61, 100);
        assertThat(second).hasSize(total - 50);
        assertThat(first.get(49)).isGreaterThan(second.get(0));
        assertThat(next.body()).doesNotContain("id=\"audit-older\"").contains("id=\"audit-newest\"")
                .contains("href=\"/console/audit?actor=&amp;action=&amp;computer=&amp;from=&amp;to=\"");
    }

    @Test
    void the_csv_export_answers_the_session_as_the_admin_api_does_and_nobody_without_one() throws Exception {
        account("olga", AccountRole.OPERATOR);
        SignedInBrowser operator = SignedInBrowser.loggedIn(live, "olga", PASSWORD);
        operator.submit("/console/computers", "/console/computers/reserve", Map.of("computer", "CORP\\PC9"));
        assertThat(operator.get("/console/audit?actor=olga").body())
                .contains("href=\"/console/audit.csv?actor=olga&amp;action=&amp;computer=&amp;from=&amp;to=\"");

        HttpResponse<String> csv = operator.get("/console/audit.csv?actor=olga&action=seat.reserved");
        HttpResponse<String> api = live.admin.get("/admin/v1/audit.csv?actor=olga&action=seat.reserved",
                live.bearer());
        HttpResponse<String> anonymous = live.admin.get("/console/audit.csv?actor=olga");
        HttpResponse<String> forged = live.admin.get("/console/audit.csv", "Cookie",
                "primary_session=abcdefgh.not-a-token");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"audit.csv\"");
        assertThat(csv.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(csv.body()).startsWith("id,at,actor,action,subject,detail,source\r\n")
                .contains(",olga,seat.reserved,").isEqualTo(api.body());
        assertThat(csv.body().lines().toList().get(1)).as("from where: the console's caller")
                .endsWith(",127.0.0.1");
        assertThat(csv.body().lines()).hasSize(2);
        for (HttpResponse<String> refused : List.of(anonymous, forged)) {
            assertThat(refused.statusCode()).isEqualTo(303);
            assertThat(refused.headers().firstValue("Location")).hasValue("/console/login");
            assertThat(refused.body()).doesNotContain("olga");
        }
    }

    private static List<Long> rows(HttpResponse<String> page) {
        return ROW.matcher(page.body()).results().map(match -> Long.parseLong(match.group(1))).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private void account(String name, AccountRole role) throws Exception {
        live.createAccount(name, role, PASSWORD);
    }
}
