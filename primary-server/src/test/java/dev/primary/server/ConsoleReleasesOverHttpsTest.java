package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.primary.protocol.admin.AccountRole;
import dev.primary.protocol.admin.AuditEntry;
import dev.primary.protocol.admin.ReleaseView;
import dev.primary.protocol.admin.RolloutProgress;
import dev.primary.protocol.admin.RolloutView;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.Sha256;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.Version;
import dev.primary.server.config.ServerConfiguration;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's Releases page over real HTTPS on a real server and SQLite store: releases and rollouts with their
 * computers by update state, rollout actions run as their REST routes under the account's role and audited under it,
 * CSRF on every POST and upload, and the package upload streamed to the package store, refused with the REST
 * problem's words when its bytes are not what it claims.
 */
class ConsoleReleasesOverHttpsTest {
    private static final String PASSWORD = "console-password-Qw27";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Version VERSION = new Version(1, 2, 345);
    private static final String RELEASE = "recorder 1.2.345";

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
    void an_operator_starts_raises_pauses_and_resumes_a_rollout_of_a_listed_release_each_audited_under_the_account()
            throws Exception {
        publish();
        account("olga", AccountRole.OPERATOR);
        SignedInBrowser operator = new SignedInBrowser(live);
        operator.login("olga", PASSWORD);

        HttpResponse<String> page = operator.get("/console/releases");
        String csrf = csrfIn(page);
        HttpResponse<String> asked = operator.post("/console/releases/rollouts",
                Map.of("release", RELEASE, "percent", "10", "group", "", "failureThreshold", "5", "csrf", csrf));
        List<RolloutView> beforeConfirming = rollouts();
        HttpResponse<String> started = operator.post("/console/releases/rollouts", Map.of("release", RELEASE,
                "percent", "10", "group", "", "failureThreshold", "5", "confirmed", "yes", "csrf", csrf));
        long id = rollouts().get(0).id();
        HttpResponse<String> raised = operator.post("/console/releases/rollouts/percent",
                Map.of("rollout", Long.toString(id), "percent", "50", "csrf", csrf));
        int raisedTo = rollouts().get(0).percent();
        HttpResponse<String> paused = operator.post("/console/releases/rollouts/pause",
                Map.of("rollout", Long.toString(id), "csrf", csrf));
        RolloutView.State pausedState = rollouts().get(0).state();
        HttpResponse<String> resumed = operator.post("/console/releases/rollouts/resume",
                Map.of("rollout", Long.toString(id), "csrf", csrf));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-release=\"" + RELEASE + "\"").contains("V 1.2 (0345)")
                .contains("recorder.pkg").contains("No rollout is started yet.");
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("id=\"confirm-rollout\"")
                .contains("Start rolling out " + RELEASE + " to 10% of all computers?");
        assertThat(beforeConfirming).as("nothing starts before it is confirmed").isEmpty();
        for (HttpResponse<String> done : List.of(started, raised, paused, resumed)) {
            assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        }
        assertThat(started.headers().firstValue("Location")).hasValue("/console/releases?done=start");
        assertThat(raisedTo).isEqualTo(50);
        assertThat(pausedState).isEqualTo(RolloutView.State.PAUSED);
        assertThat(rollouts().get(0).state()).isEqualTo(RolloutView.State.RUNNING);
        assertThat(Arrays.stream(audit()).filter(entry -> entry.subject().equals("rollout " + id)))
                .extracting(AuditEntry::action, AuditEntry::actor)
                .containsExactly(tuple("rollout.resumed", "olga"),
                        tuple("rollout.paused", "olga"),
                        tuple("rollout.percent", "olga"),
                        tuple("rollout.started", "olga"));
        HttpResponse<String> after = operator.get("/console/releases?done=resume");
        assertThat(after.body()).contains("Resumed the rollout.").contains("data-rollout=\"" + id + "\"")
                .contains("<td class=\"percent\">50%</td>");
    }

    @Test
    void the_counts_fragment_shows_a_rollouts_computers_by_update_state_as_the_statistics_count_them()
            throws Exception {
        publish();
        long id = Json.read(live.admin.postJson("/admin/v1/rollouts", "{\"product\":\"recorder\",\"version\":"
                + "{\"major\":1,\"minor\":2,\"build\":345}}", live.bearer()).body().getBytes(StandardCharsets.UTF_8),
                RolloutView.class).id();
        account("vera", AccountRole.VIEWER);
        SignedInBrowser viewer = new SignedInBrowser(live);
        viewer.login("vera", PASSWORD);
        assertThat(live.verifyClient("any").statusCode()).as("the check-in assigns the release").isEqualTo(200);
        HttpResponse<String> before = viewer.get("/console/releases/counts");

        HttpResponse<String> reported = report(id, "downloading");
        HttpResponse<String> after = viewer.get("/console/releases/counts");

        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(204);
        RolloutProgress progress = Json.read(live.admin.get("/admin/v1/stats/rollouts/" + id, live.bearer()).body()
                .getBytes(StandardCharsets.UTF_8), RolloutProgress.class);
        assertThat(progress.downloading()).isEqualTo(1);
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).startsWith("<div id=\"rollout-counts\"").doesNotContain("<html");
        assertThat(rolloutRow(before.body(), id)).contains("<td class=\"pending\">1</td>")
                .contains("<td class=\"downloading\">0</td>");
        assertThat(rolloutRow(after.body(), id)).contains("<td class=\"computers\">" + progress.computers() + "</td>")
                .contains("<td class=\"downloading\">1</td>")
                .contains("<td class=\"pending\">" + progress.pending() + "</td>");
        assertThat(after.body()).contains("<td class=\"downloading\">1</td>");
    }

    @Test
    void a_viewer_is_refused_each_rollout_action_and_a_post_without_its_csrf_token_changes_nothing() throws Exception {
        publish();
        account("vera", AccountRole.VIEWER);
        account("olga", AccountRole.OPERATOR);
        SignedInBrowser viewer = new SignedInBrowser(live);
        viewer.login("vera", PASSWORD);
        SignedInBrowser operator = new SignedInBrowser(live);
        operator.login("olga", PASSWORD);
        String viewerCsrf = viewer.csrfOf("/console/releases");

        HttpResponse<String> asked = viewer.post("/console/releases/rollouts",
                Map.of("release", RELEASE, "percent", "10", "csrf", viewerCsrf));
        HttpResponse<String> confirmed = viewer.post("/console/releases/rollouts",
                Map.of("release", RELEASE, "percent", "10", "confirmed", "yes", "csrf", viewerCsrf));
        HttpResponse<String> withoutCsrf = operator.post("/console/releases/rollouts",
                Map.of("release", RELEASE, "percent", "10", "confirmed", "yes"));
        HttpResponse<String> wrongCsrf = operator.post("/console/releases/rollouts",
                Map.of("release", RELEASE, "percent", "10", "confirmed", "yes", "csrf", viewerCsrf));

        for (HttpResponse<String> refused : List.of(asked, confirmed)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.body()).contains("needs the role operator").contains("account \"vera\" has the role viewer");
        }
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);
        assertThat(withoutCsrf.body()).contains("CSRF token");
        assertThat(wrongCsrf.statusCode()).isEqualTo(403);
        assertThat(rollouts()).isEmpty();
        assertThat(viewer.get("/console/releases").body()).contains("needs the role operator");

        HttpResponse<String> started = live.admin.postJson("/admin/v1/rollouts", "{\"product\":\"recorder\","
                + "\"version\":{\"major\":1,\"minor\":2,\"build\":345},\"percent\":10}", live.bearer());
        long id = Json.read(started.body().getBytes(StandardCharsets.UTF_8), RolloutView.class).id();
        HttpResponse<String> pause = viewer.post("/console/releases/rollouts/pause",
                Map.of("rollout", Long.toString(id), "csrf", viewerCsrf));
        HttpResponse<String> raise = viewer.post("/console/releases/rollouts/percent",
                Map.of("rollout", Long.toString(id), "percent", "100", "csrf", viewerCsrf));
        for (HttpResponse<String> refused : List.of(pause, raise)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.body()).contains("needs the role operator");
        }
        assertThat(rollouts()).extracting(RolloutView::state, RolloutView::percent)
                .containsExactly(tuple(RolloutView.State.RUNNING, 10));
    }

    @Test
    void a_package_whose_bytes_are_not_its_sha256_is_refused_with_the_reason_and_nothing_is_stored() throws Exception {
        account("ada", AccountRole.ADMINISTRATOR);
        SignedInBrowser administrator = new SignedInBrowser(live);
        administrator.login("ada", PASSWORD);
        String csrf = administrator.csrfOf("/console/releases");
        byte[] bytes = "recorder 1.2.345 package".getBytes(StandardCharsets.UTF_8);
        String otherSha256 = Sha256.hex("something else".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> refused = administrator.put("/console/releases/packages/" + otherSha256, bytes, csrf);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(Json.read(refused.body().getBytes(StandardCharsets.UTF_8), Problem.class).detail())
                .contains(otherSha256).contains("nothing was kept");
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void a_package_over_max_package_is_refused_at_the_console_before_its_body_is_read() throws Exception {
        account("ada", AccountRole.ADMINISTRATOR);
        SignedInBrowser administrator = new SignedInBrowser(live);
        administrator.login("ada", PASSWORD);
        String csrf = administrator.csrfOf("/console/releases");
        long tooLarge = live.server.configuration().maxPackageBytes() + 1;
        String sha256 = Sha256.hex("never sent".getBytes(StandardCharsets.UTF_8));
        String answer;
        try (SSLSocket socket = live.rawAdminConnection()) {
            // Only the head: the refusal must come without a byte of the body.
            LiveServer.writeHead(socket.getOutputStream(), "PUT /console/releases/packages/" + sha256
                    + " HTTP/1.1\nHost: localhost\nCookie: primary_session=" + administrator.cookies.get("primary_session")
                    + "\nX-CSRF-Token: " + csrf + "\nSec-Fetch-Site: same-origin\nContent-Type: application/octet-stream\n"
                    + "Content-Length: " + tooLarge + "\n");
            answer = LiveServer.readAnswer(socket.getInputStream(), 4096);
        }

        assertThat(answer).startsWith("HTTP/1.1 413 ").contains("the package is " + tooLarge + " bytes")
                .contains("(max-package)");
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void an_administrator_uploads_a_package_and_adds_its_release_and_a_wrong_signature_is_shown_on_the_page()
            throws Exception {
        account("ada", AccountRole.ADMINISTRATOR);
        account("olga", AccountRole.OPERATOR);
        SignedInBrowser administrator = new SignedInBrowser(live);
        administrator.login("ada", PASSWORD);
        SignedInBrowser operator = new SignedInBrowser(live);
        operator.login("olga", PASSWORD);
        String csrf = administrator.csrfOf("/console/releases");
        byte[] bytes = "recorder 1.2.345 package".getBytes(StandardCharsets.UTF_8);
        String sha256 = Sha256.hex(bytes);
        SignedDocument manifest = live.releaseManifest(sha256, bytes.length, VERSION);
        SignedDocument forged = SignedDocument.sign(SignedDocument.RELEASE,
                Base64.getUrlDecoder().decode(manifest.payload()), Ed25519.generate());

        HttpResponse<String> byOperator = operator.put("/console/releases/packages/" + sha256, bytes,
                operator.csrfOf("/console/releases"));
        HttpResponse<String> withoutCsrf = administrator.put("/console/releases/packages/" + sha256, bytes, "");
        List<Path> storedBefore = storedFiles();
        HttpResponse<String> uploaded = administrator.put("/console/releases/packages/" + sha256, bytes, csrf);
        HttpResponse<String> wrongSignature = administrator.postFile("/console/releases/add", csrf, "manifest",
                LiveServer.json(forged).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> added = administrator.postFile("/console/releases/add", csrf, "manifest",
                LiveServer.json(manifest).getBytes(StandardCharsets.UTF_8));

        assertThat(byOperator.statusCode()).as(byOperator.body()).isEqualTo(403);
        assertThat(byOperator.body()).contains("needs the role administrator");
        assertThat(withoutCsrf.statusCode()).as(withoutCsrf.body()).isEqualTo(403);
        assertThat(withoutCsrf.body()).contains("CSRF token");
        assertThat(storedBefore).isEmpty();
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.body()).contains(sha256);
        assertThat(storedFiles()).extracting(path -> path.getFileName().toString()).containsExactly(sha256);
        assertThat(wrongSignature.statusCode()).as(wrongSignature.body()).isEqualTo(400);
        assertThat(wrongSignature.body()).contains("id=\"error\"").contains("Refused: ");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
        assertThat(added.headers().firstValue("Location")).hasValue("/console/releases?done=release");
        List<ReleaseView> releases = Json.mapper().readerForListOf(ReleaseView.class)
                .readValue(live.admin.get("/admin/v1/releases", live.bearer()).body());
        assertThat(releases).extracting(ReleaseView::version).containsExactly(VERSION);
        assertThat(Arrays.stream(audit()).filter(entry -> entry.action().startsWith("release.")))
                .extracting(AuditEntry::actor).containsExactly("ada");
    }

    private void publish() throws Exception {
        HttpResponse<String> added = live.publishRelease("recorder 1.2.345".getBytes(StandardCharsets.UTF_8),
                VERSION);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    }

    private HttpResponse<String> report(long rolloutId, String state) throws Exception {
        byte[] body = ("{\"recorderVersion\":{\"major\":1,\"minor\":0,\"build\":1},\"clientState\":\"licensed\","
                + "\"updates\":[{\"product\":\"recorder\",\"version\":{\"major\":1,\"minor\":2,\"build\":345},"
                + "\"rolloutId\":" + rolloutId + ",\"state\":\"" + state + "\"}]}").getBytes(StandardCharsets.UTF_8);
        return live.client.post("/v1/report", "application/json", body,
                SignedRequests.headers(live.clientKey, "POST", "/v1/report", System.currentTimeMillis(), body));
    }

    private static String rolloutRow(String html, long id) {
        int start = html.indexOf("<tr data-rollout=\"" + id + "\">");
        assertThat(start).as(html).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private List<RolloutView> rollouts() throws Exception {
        return Json.mapper().readerForListOf(RolloutView.class)
                .readValue(live.admin.get("/admin/v1/rollouts", live.bearer()).body());
    }

    private AuditEntry[] audit() throws Exception {
        return Json.read(live.admin.get("/admin/v1/audit", live.bearer()).body().getBytes(StandardCharsets.UTF_8),
                AuditEntry[].class);
    }

    private List<Path> storedFiles() throws Exception {
        Path packages = dataDirectory.resolve("packages");
        if (!Files.isDirectory(packages)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(packages)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private void account(String name, AccountRole role) throws Exception {
        live.createAccount(name, role, PASSWORD);
    }

    private static String csrfIn(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as(page.body()).isTrue();
        return matcher.group(1);
    }
}
