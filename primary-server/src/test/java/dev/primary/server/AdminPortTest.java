package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.ComputerQuery;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.LicenseSummary;
import dev.primary.protocol.admin.LicenseView;
import dev.primary.protocol.admin.ServerStatus;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminPortTest {
    @TempDir
    static Path dataDirectory;

    static RunningServer running;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        running = RunningServer.start(dataDirectory);
        token = running.adminToken();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    private static String[] bearer() {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private static <T> T read(HttpResponse<String> response, Class<T> type) {
        return Json.read(response.body().getBytes(StandardCharsets.UTF_8), type);
    }

    @Test
    void a_request_without_a_token_is_a_401_with_a_bearer_challenge() throws Exception {
        HttpResponse<String> response = running.admin.get("/admin/v1/summary");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"primary-admin\"");
        Problem problem = read(response, Problem.class);
        assertThat(problem.knownType()).hasValue(ProblemType.UNAUTHENTICATED);
        assertThat(problem.detail()).contains("Authorization: Bearer");
    }

    @Test
    void a_request_with_a_wrong_token_is_a_401() throws Exception {
        HttpResponse<String> response = running.admin.get("/admin/v1/summary", "Authorization", "Bearer " + token + "x");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(read(response, Problem.class).detail()).startsWith("the token is neither an active API token of an enabled account nor this server's admin token");
    }

    @Test
    void routes_are_not_revealed_without_a_token() throws Exception {
        assertThat(running.admin.get("/admin/v1/no-such-thing").statusCode()).isEqualTo(401);
        assertThat(running.admin.get("/admin/v1/no-such-thing", bearer()).statusCode()).isEqualTo(404);
    }

    @Test
    void the_right_token_reads_the_license_summary() throws Exception {
        HttpResponse<String> response = running.admin.get("/admin/v1/summary", bearer());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(read(response, LicenseSummary.class)).isEqualTo(new LicenseSummary(5, 1, 1, 0, 0));
    }

    @Test
    void the_server_status_names_this_server() throws Exception {
        ServerStatus status = read(running.admin.get("/admin/v1/server", bearer()), ServerStatus.class);

        assertThat(status.serverId()).isEqualTo(running.server.serverId());
        assertThat(status.tlsPin()).isEqualTo(running.server.tlsPin().value());
        assertThat(status.serverKey()).isEqualTo(running.server.serverKey().encoded());
        assertThat(status.clientEndpoint()).isEqualTo("127.0.0.1:" + running.server.clientPort());
        assertThat(status.dataDirectory()).isEqualTo(running.server.dataDirectory().toString());
        assertThat(status.serverVersion()).isEqualTo(System.getProperty("primary.expected.version"));
    }

    @Test
    void importing_a_license_file_answers_201_with_the_pending_license() throws Exception {
        SignedDocument file = SignedDocument.sign(SignedDocument.LICENSE, "{}".getBytes(StandardCharsets.UTF_8),
                Ed25519.generate());

        HttpResponse<String> response = running.admin.postJson("/admin/v1/licenses",
                new String(Json.write(file), StandardCharsets.UTF_8), bearer());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(read(response, LicenseView.class).state()).isEqualTo(LicenseView.State.PENDING_REGISTRATION);
        assertThat(running.core.actions).contains("import by host-admin");
    }

    @Test
    void the_computer_list_passes_its_query_to_the_core() throws Exception {
        HttpResponse<String> response = running.admin.get(
                "/admin/v1/computers?search=pc&state=waiting&sort=last-contact&order=desc&offset=5&limit=20", bearer());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(running.core.lastQuery.get()).isEqualTo(
                new ComputerQuery("pc", ComputerState.WAITING, ComputerQuery.Sort.LAST_CONTACT, true, 5, 20));
    }

    @Test
    void a_bad_query_parameter_is_a_400_that_names_it() throws Exception {
        HttpResponse<String> response = running.admin.get("/admin/v1/computers?limit=lots", bearer());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(read(response, Problem.class).detail()).isEqualTo("limit must be a whole number, got \"lots\"");
    }

    @Test
    void a_computer_is_named_in_the_path_url_encoded() throws Exception {
        HttpResponse<String> response = running.admin.get("/admin/v1/computers/CORP%5CPC1", bearer());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(read(response, ComputerView.class).computer().display()).isEqualTo("CORP\\PC1");
    }

    @Test
    void a_computer_action_carries_its_computer_and_reason_to_the_core() throws Exception {
        HttpResponse<String> response = running.admin.postJson("/admin/v1/computers/reserve",
                "{\"computer\":\"CORP\\\\PC9\",\"reason\":\"new hire\"}", bearer());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(read(response, ComputerView.class).state()).isEqualTo(ComputerState.RESERVED);
        assertThat(running.core.actions).contains("reserve CORP\\PC9 (new hire) by host-admin");
    }

    @Test
    void a_not_found_from_the_core_is_a_404() throws Exception {
        HttpResponse<String> response = running.admin.get("/admin/v1/licenses/NOPE-1", bearer());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(read(response, Problem.class).detail()).isEqualTo("no license NOPE-1");
    }
}
