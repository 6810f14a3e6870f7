package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.RequestSignature;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.VerifyIntervals;
import dev.primary.server.config.ServerConfiguration;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Client input on the real server: each defect is a 4xx that names it, never a 500. */
class StrictInputOverHttpsTest {
    @TempDir
    static Path dataDirectory;

    static LiveServer live;
    final SigningKey key = Ed25519.generate();

    @BeforeAll
    static void start() throws Exception {
        live = LiveServer.startLicensed(ServerConfiguration.onFreeLoopbackPorts(dataDirectory));
    }

    @AfterAll
    static void stop() {
        live.close();
    }

    private String registerJson(String interval) {
        return "{\"computer\":{\"computerName\":\"PC9\",\"domain\":\"CORP\",\"userName\":\"\"},\"os\":\"Linux\","
                + "\"clientVersion\":{\"major\":1,\"minor\":0,\"build\":1},"
                + "\"recorderVersion\":{\"major\":0,\"minor\":0,\"build\":0},"
                + "\"clientKey\":\"" + key.publicKey().encoded() + "\",\"verifyIntervalSeconds\":" + interval
                + ",\"enrollmentToken\":\"" + live.enrollmentToken() + "\"}";
    }

    private HttpResponse<String> register(String json, long sequence) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return live.client.post("/v1/register", "application/json", body,
                SignedRequests.headers(key, "POST", "/v1/register", sequence, body));
    }

    private static Problem problemOf(HttpResponse<String> response) {
        return Json.read(response.body().getBytes(StandardCharsets.UTF_8), Problem.class);
    }

    @Test
    void a_check_in_interval_of_two_to_the_63_minus_one_is_a_400_naming_the_bound() throws Exception {
        HttpResponse<String> response = register(registerJson(Long.toString(Long.MAX_VALUE)),
                System.currentTimeMillis());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(problemOf(response).knownType()).hasValue(ProblemType.MALFORMED_REQUEST);
        assertThat(problemOf(response).detail()).contains("verifyIntervalSeconds must be 1 to "
                + VerifyIntervals.MAX_SECONDS);
    }

    @Test
    void an_interval_sent_as_a_string_or_a_fraction_is_a_400_naming_the_field() throws Exception {
        for (String interval : new String[] {"\"14400\"", "14400.0"}) {
            HttpResponse<String> response = register(registerJson(interval), System.currentTimeMillis());

            assertThat(response.statusCode()).as(interval).isEqualTo(400);
            assertThat(problemOf(response).detail()).as(interval).contains("verifyIntervalSeconds");
        }
    }

    @Test
    void a_nineteen_digit_sequence_is_read_as_a_number_and_one_beyond_a_long_is_refused_with_the_bound()
            throws Exception {
        HttpResponse<String> nineteenDigits = register(registerJson("14400"), 9_000_000_000_000_000_000L);
        byte[] body = registerJson("14400").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> beyond = live.client.post("/v1/register", "application/json", body,
                RequestSignature.CLIENT_ID, key.publicKey().keyId(),
                RequestSignature.SEQUENCE, "92233720368547758070",
                RequestSignature.SIGNATURE, RequestSignature.sign(key, "POST", "/v1/register", 1, body));

        assertThat(nineteenDigits.statusCode()).isEqualTo(400);
        assertThat(problemOf(nineteenDigits).knownType()).hasValue(ProblemType.SEQUENCE_AHEAD);
        assertThat(beyond.statusCode()).isEqualTo(401);
        assertThat(problemOf(beyond).detail()).contains("larger than the largest sequence, " + Long.MAX_VALUE);
    }

    @Test
    void a_padded_signature_is_refused_though_its_bytes_verify() throws Exception {
        byte[] body = registerJson("14400").getBytes(StandardCharsets.UTF_8);
        long sequence = System.currentTimeMillis();
        String signature = RequestSignature.sign(key, "POST", "/v1/register", sequence, body);

        HttpResponse<String> padded = live.client.post("/v1/register", "application/json", body,
                RequestSignature.CLIENT_ID, key.publicKey().keyId(),
                RequestSignature.SEQUENCE, Long.toString(sequence),
                RequestSignature.SIGNATURE, signature + "==");

        assertThat(padded.statusCode()).isEqualTo(401);
        assertThat(problemOf(padded).knownType()).hasValue(ProblemType.UNAUTHENTICATED);
        assertThat(problemOf(padded).detail()).contains("padding");
    }

    @Test
    void an_http_1_0_request_gets_an_http_1_0_answer_and_the_connection_closes() throws Exception {
        try (SSLSocket socket = live.rawAdminConnection()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            LiveServer.writeHead(out, "GET /admin/v1/server HTTP/1.0\nAuthorization: " + live.bearer()[1] + "\n");

            String answer = LiveServer.readAnswer(in, 64 * 1024);

            assertThat(answer).startsWith("HTTP/1.0 200 OK\r\n");
            assertThat(in.read()).isEqualTo(-1);
        }
    }
}
