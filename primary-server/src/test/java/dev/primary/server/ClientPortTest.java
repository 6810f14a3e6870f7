package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.Hello;
import dev.primary.protocol.message.LeasePayload;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.tls.TlsPin;
import dev.primary.server.identity.SelfMadeCertificate;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientPortTest {
    @TempDir
    static Path dataDirectory;

    static RunningServer running;
    final SigningKey clientKey = Ed25519.generate();

    @BeforeAll
    static void start() {
        running = RunningServer.start(dataDirectory);
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    private byte[] registerBody() {
        return Json.write(new RegisterRequest(ComputerIdentity.computer("PC1", "CORP"), "Linux 6.1 amd64",
                new Version(1, 0, 1), Version.NONE, clientKey.publicKey().encoded(), 14400));
    }

    private HttpResponse<String> signedPost(String path, String contentType, byte[] body) throws Exception {
        return running.client.post(path, contentType, body,
                SignedRequests.headers(clientKey, "POST", path, System.currentTimeMillis(), body));
    }

    private static Problem problemOf(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        return Json.read(response.body().getBytes(StandardCharsets.UTF_8), Problem.class);
    }

    private static void assertStillAnswers() throws Exception {
        assertThat(running.client.get("/v1/hello").statusCode()).isEqualTo(200);
    }

    @Test
    void hello_answers_over_tls_to_a_client_that_pins_the_servers_key() throws Exception {
        HttpResponse<String> response = running.client.get("/v1/hello");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        Hello hello = Json.read(response.body().getBytes(StandardCharsets.UTF_8), Hello.class);
        assertThat(hello.product()).isEqualTo("primary-server");
        assertThat(hello.serverId()).isEqualTo(running.server.serverId());
        assertThat(hello.tlsPin()).isEqualTo(running.server.tlsPin().value());
        assertThat(hello.serverKey()).isEqualTo(running.server.serverKey().encoded());
    }

    @Test
    void a_client_pinning_another_key_is_refused_in_the_handshake() throws Exception {
        TlsPin otherPin = SelfMadeCertificate.create(Clock.systemUTC(), "").pin();
        PinnedHttps impostorVictim = new PinnedHttps(URI.create("https://127.0.0.1:" + running.server.clientPort()), otherPin);

        assertThatThrownBy(() -> impostorVictim.get("/v1/hello"))
                .isInstanceOf(IOException.class)
                .hasStackTraceContaining("does not match the pinned key");
        assertStillAnswers();
    }

    @Test
    void a_signed_register_reaches_the_core_and_its_lease_comes_back() throws Exception {
        byte[] body = registerBody();

        HttpResponse<String> response = signedPost("/v1/register", "application/json", body);

        assertThat(response.statusCode()).isEqualTo(200);
        CheckInAnswer answer = Json.read(response.body().getBytes(StandardCharsets.UTF_8), CheckInAnswer.class);
        assertThat(answer).isInstanceOf(CheckInAnswer.Licensed.class);
        assertThat(response.body()).contains("\"status\":\"licensed\"");
        SignedDocument lease = ((CheckInAnswer.Licensed) answer).lease();
        LeasePayload payload = Json.read(lease.verifiedPayload(SignedDocument.LEASE, running.server.serverKey()),
                LeasePayload.class);
        assertThat(payload.clientId()).isEqualTo(clientKey.publicKey().keyId());
    }

    @Test
    void a_content_type_with_a_charset_is_still_json() throws Exception {
        assertThat(signedPost("/v1/register", "application/json; charset=utf-8", registerBody()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void malformed_json_is_a_400_malformed_request_and_the_server_answers_the_next_request() throws Exception {
        HttpResponse<String> response = signedPost("/v1/register", "application/json",
                "{\"computer\":".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        Problem problem = problemOf(response);
        assertThat(problem.knownType()).hasValue(ProblemType.MALFORMED_REQUEST);
        assertThat(problem.detail()).startsWith("malformed JSON");
        assertStillAnswers();
    }

    @Test
    void an_unknown_field_is_a_400_that_names_it() throws Exception {
        String json = new String(registerBody(), StandardCharsets.UTF_8).replaceFirst("\\{", "{\"extra\":1,");

        HttpResponse<String> response = signedPost("/v1/register", "application/json", json.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problemOf(response).detail()).contains("unknown field \"extra\"");
        assertStillAnswers();
    }

    @Test
    void an_invalid_value_is_a_400_with_the_records_message() throws Exception {
        String json = new String(registerBody(), StandardCharsets.UTF_8).replace("\"PC1\"", "\"bad name!\"");

        HttpResponse<String> response = signedPost("/v1/register", "application/json", json.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problemOf(response).detail()).contains("computer name must be");
    }

    @Test
    void a_body_that_is_not_json_is_a_415() throws Exception {
        HttpResponse<String> response = signedPost("/v1/register", "text/plain", registerBody());

        assertThat(response.statusCode()).isEqualTo(415);
        Problem problem = problemOf(response);
        assertThat(problem.knownType()).hasValue(ProblemType.UNSUPPORTED_MEDIA_TYPE);
        assertThat(problem.detail()).isEqualTo("request bodies must be application/json, got \"text/plain\"");
        assertStillAnswers();
    }

    @Test
    void a_request_without_authentication_headers_is_a_401_unauthenticated() throws Exception {
        HttpResponse<String> response = running.client.postJson("/v1/verify", "{}");

        assertThat(response.statusCode()).isEqualTo(401);
        Problem problem = problemOf(response);
        assertThat(problem.knownType()).hasValue(ProblemType.UNAUTHENTICATED);
        assertThat(problem.detail()).startsWith("missing header Primary-Client-Id");
        assertStillAnswers();
    }

    @Test
    void garbled_authentication_headers_are_a_401() throws Exception {
        byte[] body = registerBody();
        HttpResponse<String> badSequence = running.client.post("/v1/register", "application/json", body,
                "Primary-Client-Id", clientKey.publicKey().keyId(), "Primary-Sequence", "soon",
                "Primary-Signature", "AAAA");
        HttpResponse<String> badSignature = running.client.post("/v1/register", "application/json", body,
                "Primary-Client-Id", clientKey.publicKey().keyId(), "Primary-Sequence", "12",
                "Primary-Signature", "not base64!");

        assertThat(badSequence.statusCode()).isEqualTo(401);
        assertThat(problemOf(badSequence).detail()).startsWith("Primary-Sequence must be a decimal number")
                .contains("\"soon\"");
        assertThat(badSignature.statusCode()).isEqualTo(401);
        assertThat(problemOf(badSignature).detail()).startsWith("Primary-Signature is not base64url");
    }

    @Test
    void a_signature_over_other_bytes_is_refused_by_the_core() throws Exception {
        byte[] body = registerBody();
        String[] headers = SignedRequests.headers(clientKey, "POST", "/v1/verify", 5, body);

        HttpResponse<String> response = running.client.post("/v1/register", "application/json", body, headers);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(problemOf(response).knownType()).hasValue(ProblemType.SIGNATURE_INVALID);
    }

    @Test
    void a_body_over_the_limit_is_a_413_and_the_connection_is_closed() throws Exception {
        byte[] body = new byte[200 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');

        HttpResponse<String> response = signedPost("/v1/register", "application/json", body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Connection")).hasValue("close");
        Problem problem = problemOf(response);
        assertThat(problem.knownType()).hasValue(ProblemType.BODY_TOO_LARGE);
        assertThat(problem.detail()).isEqualTo("request body is larger than the limit of 65536 bytes");
        assertStillAnswers();
    }

    @Test
    void headers_over_the_limit_are_a_400_and_the_server_goes_on() throws Exception {
        HttpResponse<String> response = running.client.get("/v1/hello", "X-Padding", "x".repeat(10_000));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problemOf(response).detail()).isEqualTo("request headers are larger than the limit");
        assertStillAnswers();
    }

    @Test
    void a_failure_the_core_reports_answers_with_its_problem_type() throws Exception {
        running.core.failNextWith(new FakeLicensing.TestProblem(ProblemType.REPLAYED_REQUEST, "sequence 5 was used"));

        HttpResponse<String> response = signedPost("/v1/register", "application/json", registerBody());

        assertThat(response.statusCode()).isEqualTo(409);
        Problem problem = problemOf(response);
        assertThat(problem.knownType()).hasValue(ProblemType.REPLAYED_REQUEST);
        assertThat(problem.detail()).isEqualTo("sequence 5 was used");
    }

    @Test
    void a_busy_store_is_a_503_with_retry_after() throws Exception {
        running.core.failNextWith(new FakeLicensing.TestProblem(ProblemType.SERVER_BUSY, "the store's write queue is full"));

        HttpResponse<String> response = running.client.get("/v1/hello");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(problemOf(response).knownType()).hasValue(ProblemType.SERVER_BUSY);
    }

    @Test
    void an_unexpected_failure_is_a_500_that_reveals_nothing_and_the_server_goes_on() throws Exception {
        running.core.failNextWith(new IllegalStateException("secret internals"));

        HttpResponse<String> response = running.client.get("/v1/hello");

        assertThat(response.statusCode()).isEqualTo(500);
        Problem problem = problemOf(response);
        assertThat(problem.knownType()).hasValue(ProblemType.INTERNAL_ERROR);
        assertThat(problem.detail()).doesNotContain("secret").contains("server log");
        assertStillAnswers();
    }

    @Test
    void a_domain_illegal_argument_on_the_check_in_path_is_a_500_whose_incident_id_is_logged_once_at_error()
            throws Exception {
        running.core.failNextWith(new IllegalArgumentException("a broken invariant of the core"));
        HttpResponse<String> response;
        java.util.List<ch.qos.logback.classic.spi.ILoggingEvent> events;
        try (LogCapture log = new LogCapture()) {
            response = signedPost("/v1/register", "application/json", registerBody());
            events = log.events();
        }

        assertThat(response.statusCode()).isEqualTo(500);
        Problem problem = problemOf(response);
        assertThat(problem.knownType()).hasValue(ProblemType.INTERNAL_ERROR);
        assertThat(problem.detail()).doesNotContain("invariant");
        assertThat(problem.incidentId()).hasValueSatisfying(id -> assertThat(id).matches("[a-z2-7]{10}"));
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(ch.qos.logback.classic.Level.ERROR);
            assertThat(event.getFormattedMessage()).startsWith("incident " + problem.incidentId().get())
                    .contains("POST /v1/register");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("a broken invariant of the core");
        });
        assertStillAnswers();
    }

    @Test
    void an_unknown_path_is_a_404_and_a_wrong_method_a_405_that_says_which_are_allowed() throws Exception {
        HttpResponse<String> unknown = running.client.get("/v1/nothing-here");
        HttpResponse<String> wrongMethod = running.client.get("/v1/register");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(problemOf(unknown).knownType()).hasValue(ProblemType.NOT_FOUND);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
        assertThat(problemOf(wrongMethod).knownType()).hasValue(ProblemType.METHOD_NOT_ALLOWED);
    }

    @Test
    void report_answers_204_without_a_body() throws Exception {
        byte[] body = "{\"recorderVersion\":{\"major\":1,\"minor\":2,\"build\":3},\"clientState\":\"licensed\"}"
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = signedPost("/v1/report", "application/json", body);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void many_requests_share_one_kept_alive_connection() throws Exception {
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> response = running.client.get("/v1/hello");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Connection")).isEmpty();
        }
    }
}
