package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.primary.protocol.admin.AccountRole;
import dev.primary.protocol.admin.AuditEntry;
import dev.primary.protocol.admin.EnrollmentTokenView;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.json.Json;
import dev.primary.server.config.ServerConfiguration;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's enrollment tokens page over real HTTPS on a real server and SQLite store: a created token is shown
 * once and works, is never listed or logged; a viewer may look but not create or revoke; a revocation is confirmed
 * first and audited under the account.
 */
class ConsoleEnrollmentOverHttpsTest {
    private static final String PASSWORD = "console-password-Qw27";
    private static final String PAGE = "/console/enrollment-tokens";
    private static final Pattern SHOWN = Pattern.compile("id=\"created-token\" class=\"code\" readonly value=\"([^\"]+)\"");

    @TempDir
    Path dataDirectory;
    private LiveServer live;
    private LogCapture log;

    @BeforeEach
    void start() throws Exception {
        log = new LogCapture();
        live = LiveServer.startLicensed(ServerConfiguration.onFreeLoopbackPorts(dataDirectory));
    }

    @AfterEach
    void stop() {
        live.close();
        log.close();
    }

    @Test
    void a_created_token_is_shown_once_and_enrolls_but_is_never_listed_audited_or_logged() throws Exception {
        account("ada", AccountRole.ADMINISTRATOR);
        SignedInBrowser browser = SignedInBrowser.loggedIn(live, "ada", PASSWORD);

        HttpResponse<String> created = browser.submit(PAGE, PAGE, Map.of("label", "wing B", "uses", "3",
                "expires-days", "7", "group", "wing-b"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        Matcher shown = SHOWN.matcher(created.body());
        assertThat(shown.find()).as(created.body()).isTrue();
        String token = shown.group(1);
        String id = token.substring(0, token.indexOf('.'));
        String secret = token.substring(token.indexOf('.') + 1);
        assertThat(created.body()).contains("only time it is shown").contains("data-copy=\"created-token\"")
                .contains("3 of 3").contains("wing-b");
        assertThat(live.register(Ed25519.generate(), "NEW1", token).statusCode()).isEqualTo(200);
        HttpResponse<String> list = browser.get(PAGE);
        assertThat(list.body()).contains("data-token=\"" + id + "\"").contains("wing B").contains("2 of 3")
                .doesNotContain(secret);
        assertThat(browser.get("/console/audit").body()).contains("enrollment-token.created")
                .doesNotContain(secret);
        String logged = log.events().stream().map(ILoggingEvent::getFormattedMessage)
                .collect(Collectors.joining("\n"));
        assertThat(logged).doesNotContain(secret);
        assertThat(trail()).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("enrollment-token.created");
            assertThat(entry.actor()).isEqualTo("ada");
            assertThat(entry.subject() + entry.detail()).doesNotContain(secret);
        });
    }

    @Test
    void a_viewer_sees_the_tokens_but_is_refused_creating_and_revoking_one() throws Exception {
        account("vera", AccountRole.VIEWER);
        SignedInBrowser viewer = SignedInBrowser.loggedIn(live, "vera", PASSWORD);
        String id = tokens().get(0).id();

        HttpResponse<String> list = viewer.get(PAGE);
        HttpResponse<String> create = viewer.submit(PAGE, PAGE, Map.of("label", "mine", "expires-days", "1"));
        HttpResponse<String> revoke = viewer.submit(PAGE, PAGE + "/revoke", Map.of("id", id));

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("data-token=\"" + id + "\"").contains("id=\"role-hint\"");
        for (HttpResponse<String> refused : List.of(create, revoke)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.body()).contains("needs the role administrator")
                    .contains("account \"vera\" has the role viewer").doesNotContain("id=\"created-token\"");
        }
        assertThat(tokens()).singleElement().satisfies(token ->
                assertThat(token.state()).isEqualTo(EnrollmentTokenView.State.ACTIVE));
    }

    @Test
    void a_revocation_is_confirmed_first_then_audited_under_the_account_and_the_token_enrolls_no_more()
            throws Exception {
        account("ada", AccountRole.ADMINISTRATOR);
        SignedInBrowser browser = SignedInBrowser.loggedIn(live, "ada", PASSWORD);
        String id = tokens().get(0).id();

        HttpResponse<String> asked = browser.get(PAGE + "?revoke=" + id);
        assertThat(tokens().get(0).state()).isEqualTo(EnrollmentTokenView.State.ACTIVE);
        HttpResponse<String> revoked = browser.submit(PAGE, PAGE + "/revoke", Map.of("id", id));
        HttpResponse<String> unknown = browser.submit(PAGE, PAGE + "/revoke", Map.of("id", "nosuchid"));

        assertThat(asked.body()).contains("id=\"confirm-revoke\"").contains("Revoke token " + id + "?");
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(revoked.headers().firstValue("Location")).hasValue(PAGE + "?done=revoke");
        assertThat(browser.get(PAGE + "?done=revoke").body()).contains("Revoked the token")
                .contains("<span class=\"badge revoked\">revoked</span>");
        assertThat(tokens().get(0).state()).isEqualTo(EnrollmentTokenView.State.REVOKED);
        assertThat(trail()).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("enrollment-token.revoked");
            assertThat(entry.actor()).isEqualTo("ada");
        });
        assertThat(live.register(Ed25519.generate(), "NEW2", live.enrollmentToken()).statusCode()).isNotEqualTo(200);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Refused:");
    }

    @Test
    void a_bad_field_is_refused_on_the_page_keeping_what_was_typed() throws Exception {
        account("ada", AccountRole.ADMINISTRATOR);
        SignedInBrowser browser = SignedInBrowser.loggedIn(live, "ada", PASSWORD);

        HttpResponse<String> uses = browser.submit(PAGE, PAGE, Map.of("label", "typed", "uses", "many"));
        HttpResponse<String> group = browser.submit(PAGE, PAGE, Map.of("label", "typed", "group", "no spaces"));
        HttpResponse<String> days = browser.submit(PAGE, PAGE, Map.of("expires-days", "99999"));

        assertThat(uses.statusCode()).isEqualTo(400);
        assertThat(uses.body()).contains("uses must be a whole number").contains("value=\"typed\"")
                .doesNotContain("id=\"created-token\"");
        assertThat(group.statusCode()).isEqualTo(400);
        assertThat(group.body()).contains("group must be");
        assertThat(days.statusCode()).isEqualTo(400);
        assertThat(days.body()).contains("expires in days must be a whole number from 0 to 3650");
        assertThat(tokens()).hasSize(1);
    }

    private List<EnrollmentTokenView> tokens() throws Exception {
        return Arrays.asList(Json.read(live.admin.get("/admin/v1/enrollment-tokens", live.bearer()).body()
                .getBytes(StandardCharsets.UTF_8), EnrollmentTokenView[].class));
    }

    private List<AuditEntry> trail() throws Exception {
        return Arrays.asList(Json.read(live.admin.get("/admin/v1/audit", live.bearer()).body()
                .getBytes(StandardCharsets.UTF_8), AuditEntry[].class));
    }

    private void account(String name, AccountRole role) throws Exception {
        live.createAccount(name, role, PASSWORD);
    }
}
