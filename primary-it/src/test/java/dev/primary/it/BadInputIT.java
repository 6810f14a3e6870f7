package dev.primary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.crypto.RequestSignature;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.tls.PinnedTls;
import dev.primary.protocol.tls.TlsPin;
import dev.primary.testkit.CommandResult;
import dev.primary.testkit.FreePorts;
import dev.primary.testkit.JavaProcess;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gets a clear error and loses nothing: one real server takes every kind of bad request,
 * answers each with problem JSON, keeps serving, and keeps every seat it had granted. The real-CLI checks of the
 * Deployment Utility's and {@code primary-admin}'s refusals (exit code, one-line reason) are here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {
    @TempDir
    static Path work;

    private ServerProcess server;
    private HttpClient http;
    private ProtocolClient licensedClient;

    @BeforeAll
    void startServerWithOneLicensedClient() throws Exception {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        server = new ServerProcess(work.resolve("server"), vendor).start();
        server.license(vendor, "BAD-1", 3);
        AtomicReference<TlsPin> pin = new AtomicReference<>();
        ProtocolClient.hello(HttpClient.newBuilder().sslContext(PinnedTls.capturing(pin)).build(), server.clientPort());
        http = ProtocolClient.httpClient(pin.get());
        licensedClient = new ProtocolClient(http, server.clientPort(), ComputerIdentity.computer("PC-GOOD", "CORP"))
                .carrying(server.enrollmentToken());
        assertThat(licensedClient.register()).isInstanceOf(CheckInAnswer.Licensed.class);
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void malformed_json_is_a_400_problem() throws Exception {
        HttpResponse<byte[]> response = stranger().post("/v1/register", "{\"computer\": ".getBytes(StandardCharsets.UTF_8));
        assertProblem(response, ProblemType.MALFORMED_REQUEST);
        assertStillServingAndNothingLost();
    }

    @Test
    void an_unknown_field_is_a_400_problem_that_names_it() throws Exception {
        ProtocolClient client = stranger();
        String body = new String(Json.write(client.registerRequest()), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"seats\":99,");
        HttpResponse<byte[]> response = client.post("/v1/register", body.getBytes(StandardCharsets.UTF_8));
        assertThat(assertProblem(response, ProblemType.MALFORMED_REQUEST).detail()).contains("seats");
        assertStillServingAndNothingLost();
    }

    @Test
    void an_oversized_body_is_a_413_problem() throws Exception {
        byte[] huge = ("{\"os\":\"" + "x".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> response = stranger().post("/v1/register", huge);
        assertProblem(response, ProblemType.BODY_TOO_LARGE);
        assertStillServingAndNothingLost();
    }

    @Test
    void a_wrong_signature_is_a_401_problem() throws Exception {
        ProtocolClient client = stranger();
        byte[] body = Json.write(client.registerRequest());
        String signatureOfOtherBody = RequestSignature.sign(client.key(), "POST", "/v1/register", 5, "{}".getBytes());
        HttpResponse<byte[]> response = client.send("/v1/register", body, 5, signatureOfOtherBody);
        assertProblem(response, ProblemType.SIGNATURE_INVALID);
        assertStillServingAndNothingLost();
    }

    @Test
    void a_replayed_request_is_a_409_problem() throws Exception {
        ProtocolClient client = stranger();
        byte[] body = Json.write(client.registerRequest());
        long sequence = client.lastSequence() + 1;
        String signature = RequestSignature.sign(client.key(), "POST", "/v1/register", sequence, body);
        assertThat(client.send("/v1/register", body, sequence, signature).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> replay = client.send("/v1/register", body, sequence, signature);
        assertProblem(replay, ProblemType.REPLAYED_REQUEST);
        assertStillServingAndNothingLost();
    }

    @Test
    void missing_authentication_headers_are_a_401_problem() throws Exception {
        HttpResponse<byte[]> response = http.send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("https://127.0.0.1:" + server.clientPort() + "/v1/verify"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertProblem(response, ProblemType.UNAUTHENTICATED);
        assertStillServingAndNothingLost();
    }

    @Test
    void the_deployment_utility_refuses_a_port_that_is_not_a_primary_server_and_writes_nothing() {
        Path out = work.resolve("wrong-port-client");
        CommandResult result = JavaProcess.run(Programs.DEPLOYMENT_UTILITY, "--server", "127.0.0.1", "--port",
                Integer.toString(server.adminPort()), "--out", out.toString(), "--recorder-command", "/bin/true");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.stderr()).contains("not a Primary Server");
        assertThat(out.resolve("client.json")).doesNotExist();
    }

    @Test
    void the_deployment_utility_refuses_a_port_where_nothing_answers_and_writes_nothing() {
        Path out = work.resolve("closed-port-client");
        CommandResult result = JavaProcess.run(Programs.DEPLOYMENT_UTILITY, "--server", "127.0.0.1", "--port",
                Integer.toString(FreePorts.next()), "--out", out.toString(), "--recorder-command", "/bin/true");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.stderr()).contains("nothing answers");
        assertThat(out.resolve("client.json")).doesNotExist();
    }

    @Test
    void primary_admin_with_an_unknown_computer_says_so_and_fails() {
        CommandResult result = server.adminByRealProcess("revoke", "NO-SUCH-PC");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).contains("NO-SUCH-PC");
        assertThat(result.stderr().strip().lines()).hasSize(1);
    }

    @Test
    void primary_admin_with_a_data_directory_no_server_ever_used_fails_clearly() {
        CommandResult result = JavaProcess.run(Programs.PRIMARY_ADMIN, "--data-dir",
                work.resolve("empty").toString(), "summary");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.stderr().strip()).isNotEmpty();
    }

    @Test
    void a_license_file_that_was_tampered_with_is_refused() throws Exception {
        Path licenseFile = work.resolve("vendor-tamper");
        Vendor vendor = new Vendor(licenseFile);
        Path file = vendor.license("FORGED-1", 5);
        String text = java.nio.file.Files.readString(file);
        var document = Json.mapper().readTree(text);
        String payload = new String(dev.primary.protocol.crypto.Base64Url.decode(document.get("payload").asText()),
                StandardCharsets.UTF_8).replace("\"seats\":5", "\"seats\":5000");
        ((com.fasterxml.jackson.databind.node.ObjectNode) document).put("payload",
                dev.primary.protocol.crypto.Base64Url.encode(payload.getBytes(StandardCharsets.UTF_8)));
        java.nio.file.Files.writeString(file, document.toString());

        CommandResult result = server.admin("license", "import", file.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(server.summary().licenses()).isEqualTo(3);
    }

    @Test
    void control_characters_a_client_describes_itself_with_reach_the_administrator_escaped() throws Exception {
        String hostileOs = "\u001b]0;owned\u0007\u001b[2J\u001b[31mLinux\u009b1m\r\n\u202eexe.txt";
        ComputerIdentity computer = ComputerIdentity.computer("PC-ESC-" + System.nanoTime(), "CORP");
        new ProtocolClient(http, server.clientPort(), computer).carrying(server.enrollmentToken()).describing(hostileOs)
                .register();

        String shown = server.adminSucceeds("computer", computer.display());
        String listed = server.adminSucceeds("computers");
        String json = server.adminSucceeds("computer", computer.display(), "--json");

        for (String output : new String[] {shown, listed, json}) {
            assertThat(output.replace("\n", "").chars().filter(c -> c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x202e))
                    .as(output).isEmpty();
        }
        assertThat(shown).contains("\\u001b]0;owned\\u0007\\u001b[2J\\u001b[31mLinux\\u009b1m\\u000d\\u000a\\u202eexe.txt");
        assertThat(server.computer(computer.display()).os()).isEqualTo(hostileOs);
        assertStillServingAndNothingLost();
    }

    private ProtocolClient stranger() {
        return new ProtocolClient(http, server.clientPort(), ComputerIdentity.computer("PC-" + System.nanoTime(), "CORP"))
                .carrying(server.enrollmentToken());
    }

    private static Problem assertProblem(HttpResponse<byte[]> response, ProblemType expected) {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(expected.status());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(Problem.MEDIA_TYPE));
        Problem problem = Json.read(response.body(), Problem.class);
        assertThat(problem.type()).isEqualTo(expected.uri());
        assertThat(problem.detail()).isNotBlank();
        return problem;
    }

    private void assertStillServingAndNothingLost() throws Exception {
        assertThat(licensedClient.register()).isInstanceOf(CheckInAnswer.Licensed.class);
        assertThat(server.summary().used()).isBetween(1, 3);
        assertThat(server.computer("CORP\\PC-GOOD").state().holdsSeat()).isTrue();
    }
}
