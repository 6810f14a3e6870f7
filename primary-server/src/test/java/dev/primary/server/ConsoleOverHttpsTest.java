package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.AccountRole;
import dev.primary.protocol.admin.AuditEntry;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.Version;
import dev.primary.server.config.ServerConfiguration;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web console's defences over real HTTPS on a real server and SQLite store: no page without a session, the
 * cookie's flags, CSRF token and origin on every POST, throttled logins shown, log-out and disabled accounts, roles,
 * the audit trail under the account, HTML escaping, and no secret in any page.
 */
class ConsoleOverHttpsTest {
    private static final String PASSWORD = "console-password-Qw27";

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
    void no_page_is_shown_without_a_session_only_a_redirect_to_the_login_page() throws Exception {
        for (String path : List.of("/console", "/console/computers", "/console/licenses",
                "/console/computers/CORP%5CPC1")) {
            HttpResponse<String> answer = live.admin.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(303);
            assertThat(answer.headers().firstValue("Location")).as(path)
                    .hasValue(path.equals("/console") ? "/console/computers" : "/console/login");
        }
        assertThat(live.admin.get("/console/computers", "Cookie", "primary_session=abcdefgh.not-a-token")
                .headers().firstValue("Location")).hasValue("/console/login");
    }

    @Test
    void the_login_sets_a_secure_http_only_same_site_strict_cookie_and_pages_carry_the_security_headers()
            throws Exception {
        account("ada", AccountRole.VIEWER);
        SignedInBrowser browser = new SignedInBrowser(live);

        HttpResponse<String> login = browser.login("ada", PASSWORD);

        assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("primary_session=").contains("; Secure").contains("; HttpOnly")
                .contains("; SameSite=Strict").contains("; Path=/console");
        HttpResponse<String> page = browser.get("/console/computers");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body()).contains("Manage Computers").doesNotContain("<script>").doesNotContain(" onclick");
    }

    @Test
    void a_post_without_or_with_a_wrong_csrf_token_or_from_another_site_is_refused_and_changes_nothing()
            throws Exception {
        account("otto", AccountRole.OPERATOR);
        SignedInBrowser browser = new SignedInBrowser(live);
        browser.login("otto", PASSWORD);
        String csrf = browser.csrfOf("/console/computers");

        HttpResponse<String> without = browser.post("/console/computers/reserve", Map.of("computer", "CORP\\NEW1"));
        HttpResponse<String> wrong = browser.post("/console/computers/reserve",
                Map.of("computer", "CORP\\NEW1", "csrf", csrf.substring(1) + "A"));
        HttpResponse<String> crossSite = browser.post("/console/computers/reserve",
                Map.of("computer", "CORP\\NEW1", "csrf", csrf), "Sec-Fetch-Site", "cross-site");
        HttpResponse<String> otherOrigin = browser.post("/console/computers/reserve",
                Map.of("computer", "CORP\\NEW1", "csrf", csrf), "Origin", "https://evil.example");

        for (HttpResponse<String> refused : List.of(without, wrong, crossSite, otherOrigin)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        }
        assertThat(without.body()).contains("CSRF token");
        assertThat(live.admin.get("/admin/v1/computers/CORP%5CNEW1", live.bearer()).statusCode()).isEqualTo(404);

        HttpResponse<String> accepted = browser.post("/console/computers/reserve",
                Map.of("computer", "CORP\\NEW1", "csrf", csrf));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(303);
        assertThat(computer("CORP%5CNEW1").state().wireName()).isEqualTo("reserved");
    }

    @Test
    void failed_logins_are_throttled_and_the_login_page_says_so() throws Exception {
        account("gus", AccountRole.VIEWER);
        SignedInBrowser browser = new SignedInBrowser(live);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = browser.login("gus", "guess-" + i);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("The name or password is wrong");
        }

        HttpResponse<String> limited = browser.login("gus", PASSWORD);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("Too many failed logins").contains("Try again in");
        assertThat(limited.headers().firstValue("Set-Cookie").orElse("")).doesNotStartWith("primary_session=");
    }

    @Test
    void log_out_revokes_the_sessions_token_and_a_disabled_accounts_session_stops_at_the_next_request()
            throws Exception {
        account("lou", AccountRole.VIEWER);
        account("dora", AccountRole.VIEWER);
        SignedInBrowser leaving = new SignedInBrowser(live);
        leaving.login("lou", PASSWORD);
        String session = leaving.cookies.get("primary_session");
        SignedInBrowser disabled = new SignedInBrowser(live);
        disabled.login("dora", PASSWORD);
        assertThat(disabled.get("/console/computers").statusCode()).isEqualTo(200);

        HttpResponse<String> out = leaving.post("/console/logout", Map.of("csrf", leaving.csrfOf("/console/licenses")));
        live.admin.postJson("/admin/v1/accounts/dora/disable", "{}", live.bearer());

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(live.admin.get("/console/computers", "Cookie", "primary_session=" + session).statusCode())
                .isEqualTo(303);
        assertThat(live.admin.get("/admin/v1/summary", "Authorization", "Bearer " + session).statusCode())
                .isEqualTo(401);
        assertThat(disabled.get("/console/computers").headers().firstValue("Location")).hasValue("/console/login");
    }

    @Test
    void a_viewer_is_refused_an_operator_action_in_the_page_and_an_operators_action_is_audited_under_the_account()
            throws Exception {
        account("vera", AccountRole.VIEWER);
        account("olga", AccountRole.OPERATOR);
        SignedInBrowser viewer = new SignedInBrowser(live);
        viewer.login("vera", PASSWORD);
        SignedInBrowser operator = new SignedInBrowser(live);
        operator.login("olga", PASSWORD);

        HttpResponse<String> refused = viewer.post("/console/computers/reserve",
                Map.of("computer", "CORP\\PC9", "csrf", viewer.csrfOf("/console/computers")));
        HttpResponse<String> reserved = operator.post("/console/computers/reserve",
                Map.of("computer", "CORP\\PC9", "csrf", operator.csrfOf("/console/computers")));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("needs the role operator").contains("account \"vera\" has the role viewer");
        assertThat(reserved.statusCode()).as(reserved.body()).isEqualTo(303);
        assertThat(reserved.headers().firstValue("Location")).hasValue("/console/computers/CORP%5CPC9?done=reserve");
        AuditEntry[] trail = Json.read(live.admin.get("/admin/v1/audit", live.bearer()).body()
                .getBytes(StandardCharsets.UTF_8), AuditEntry[].class);
        assertThat(Arrays.stream(trail).filter(entry -> entry.subject().equals("CORP\\PC9")))
                .extracting(AuditEntry::actor).containsExactly("olga");
        HttpResponse<String> page = operator.get("/console/computers/CORP%5CPC9?done=reserve");
        assertThat(page.body()).contains("Reserved a seat.").contains("olga");
    }

    @Test
    void text_from_clients_and_from_the_address_bar_is_shown_html_escaped() throws Exception {
        account("ella", AccountRole.VIEWER);
        register("PC-XSS", "<script>alert(1)</script>");
        SignedInBrowser browser = new SignedInBrowser(live);
        browser.login("ella", PASSWORD);

        HttpResponse<String> list = browser.get("/console/computers");
        HttpResponse<String> detail = browser.get("/console/computers/CORP%5CPC-XSS");
        HttpResponse<String> search = browser.get("/console/computers?search="
                + URLEncoder.encode("\"><script>x()</script>", StandardCharsets.UTF_8));

        for (HttpResponse<String> page : List.of(list, detail)) {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
        }
        assertThat(search.body()).doesNotContain("\"><script>x()").contains("value=\"&#34;>");
    }

    @Test
    void no_password_or_token_appears_in_any_page() throws Exception {
        account("ada", AccountRole.ADMINISTRATOR);
        register("PC7", "Linux 6.1 amd64");
        SignedInBrowser browser = new SignedInBrowser(live);
        browser.login("ada", PASSWORD);
        String session = browser.cookies.get("primary_session");
        String secret = session.substring(session.indexOf('.') + 1);

        for (String path : List.of("/console/computers", "/console/computers/CORP%5CPC7", "/console/licenses")) {
            HttpResponse<String> page = browser.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain(PASSWORD).doesNotContain(secret)
                    .doesNotContain("argon2");
        }
    }

    @Test
    void the_license_summary_shows_totals_per_license_and_refuses_an_upload_to_an_operator() throws Exception {
        account("otto", AccountRole.OPERATOR);
        register("PC7", "Linux 6.1 amd64");
        SignedInBrowser browser = new SignedInBrowser(live);
        browser.login("otto", PASSWORD);

        HttpResponse<String> summary = browser.get("/console/licenses");
        HttpResponse<String> upload = browser.postFile("/console/licenses/import", browser.csrfOf("/console/licenses"),
                "file", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(summary.body()).contains("ACME-1").contains("Registration code")
                .contains("<td data-summary=\"licenses\">5</td>").contains("<td data-summary=\"used\">2</td>");
        assertThat(upload.statusCode()).isEqualTo(403);
        assertThat(upload.body()).contains("needs the role administrator");
    }

    private void account(String name, AccountRole role) throws Exception {
        live.createAccount(name, role, PASSWORD);
    }

    private ComputerView computer(String encodedName) throws Exception {
        return Json.read(live.admin.get("/admin/v1/computers/" + encodedName, live.bearer()).body()
                .getBytes(StandardCharsets.UTF_8), ComputerView.class);
    }

    private void register(String name, String os) throws Exception {
        SigningKey key = Ed25519.generate();
        byte[] body = Json.write(new RegisterRequest(ComputerIdentity.computer(name, "CORP"), os,
                new Version(1, 0, 1), new Version(1, 0, 1), key.publicKey().encoded(), 14400, 0,
                live.enrollmentToken()));
        HttpResponse<String> registered = live.client.post("/v1/register", "application/json", body,
                SignedRequests.headers(key, "POST", "/v1/register", System.currentTimeMillis(), body));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
    }
}
