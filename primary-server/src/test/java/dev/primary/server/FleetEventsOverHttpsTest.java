package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.AccountRequest;
import dev.primary.protocol.admin.AccountRole;
import dev.primary.protocol.admin.AccountTokenRequest;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.CreatedAccountToken;
import dev.primary.protocol.admin.LicenseSummary;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.tls.PinnedTls;
import dev.primary.server.config.ServerConfiguration;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /admin/v1/events} on a real server: SQLite, TLS over loopback, a client registering by the protocol. */
class FleetEventsOverHttpsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String END = "(end of stream)";

    @TempDir
    Path dataDirectory;

    private final SigningKey clientKey = Ed25519.generate();
    private final List<InputStream> opened = new ArrayList<>();
    private PrimaryServer server;
    private HttpClient http;
    private String bearer;

    @BeforeEach
    void start() throws Exception {
        server = PrimaryServer.start(ServerConfiguration.onFreeLoopbackPorts(dataDirectory).toBuilder()
                .openEnrollment(true).build(), Clock.systemUTC());
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(PinnedTls.trusting(server.tlsPin()))
                .connectTimeout(Duration.ofSeconds(5)).build();
        bearer = "Bearer " + Files.readString(dataDirectory.resolve("admin-token")).strip();
    }

    @AfterEach
    void stop() throws Exception {
        for (InputStream stream : opened) {
            stream.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<InputStream> openStream(String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.adminUri().resolve("/admin/v1/events"))
                .header("Accept", "text/event-stream").GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        opened.add(response.body());
        return response;
    }

    /** The stream's lines, read on a thread of their own, ending with {@link #END}. */
    private static BlockingQueue<String> linesOf(HttpResponse<InputStream> response) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (Exception e) {
                lines.add("(failed: " + e + ")");
            }
            lines.add(END);
        }, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** Reads events until one of {@code type} arrives; returns its data. */
    private static String nextEvent(BlockingQueue<String> lines, String type) throws Exception {
        String event = "message";
        while (true) {
            String line = lines.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(line).as("a %s event within %s", type, PATIENCE).isNotNull().isNotEqualTo(END);
            if (line.startsWith("event: ")) {
                event = line.substring("event: ".length());
            } else if (line.startsWith("data: ") && event.equals(type)) {
                return line.substring("data: ".length());
            } else if (line.isEmpty()) {
                event = "message";
            }
        }
    }

    private void register(String computer) throws Exception {
        PinnedHttps client = new PinnedHttps(URI.create("https://127.0.0.1:" + server.clientPort()), server.tlsPin());
        byte[] body = Json.write(new RegisterRequest(ComputerIdentity.computer(computer, "CORP"), "Linux 6.1 amd64",
                new Version(1, 0, 1), Version.NONE, clientKey.publicKey().encoded(), 14400));
        HttpResponse<String> registered = client.post("/v1/register", "application/json", body,
                SignedRequests.headers(clientKey, "POST", "/v1/register", System.currentTimeMillis(), body));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
    }

    @Test
    void a_stream_without_a_token_is_refused_401() throws Exception {
        HttpResponse<InputStream> refused = openStream();

        assertThat(refused.statusCode()).isEqualTo(401);
        Problem problem = Json.read(refused.body().readAllBytes(), Problem.class);
        assertThat(problem.knownType()).hasValue(ProblemType.UNAUTHENTICATED);
    }

    @Test
    void a_registration_by_the_protocol_arrives_as_the_computers_row_and_the_summary() throws Exception {
        HttpResponse<InputStream> stream = openStream("Authorization", bearer);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        BlockingQueue<String> lines = linesOf(stream);
        assertThat(lines.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the stream's opening comment")
                .startsWith(":");

        register("PC1");

        ComputerView row = Json.read(nextEvent(lines, "computer").getBytes(StandardCharsets.UTF_8), ComputerView.class);
        assertThat(row.computer().display()).isEqualTo("CORP\\PC1");
        HttpResponse<String> asRead = new PinnedHttps(server.adminUri(), server.tlsPin())
                .get("/admin/v1/computers/CORP%5CPC1", "Authorization", bearer);
        assertThat(Json.read(asRead.body().getBytes(StandardCharsets.UTF_8), ComputerView.class))
                .as("the row as GET /admin/v1/computers/{computer} answers it").isEqualTo(row);
        LicenseSummary summary = Json.read(nextEvent(lines, "summary").getBytes(StandardCharsets.UTF_8),
                LicenseSummary.class);
        assertThat(summary.waiting()).as("no license: the computer waits").isEqualTo(1);
    }

    @Test
    void the_65th_stream_is_refused_503_with_retry_after_and_stopping_the_server_ends_the_open_ones() throws Exception {
        List<HttpResponse<InputStream>> streams = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            HttpResponse<InputStream> stream = openStream("Authorization", bearer);
            assertThat(stream.statusCode()).as("stream %d", i + 1).isEqualTo(200);
            streams.add(stream);
        }

        HttpResponse<InputStream> refused = openStream("Authorization", bearer);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        assertThat(Json.read(refused.body().readAllBytes(), Problem.class).knownType())
                .hasValue(ProblemType.SERVER_BUSY);

        BlockingQueue<String> first = linesOf(streams.get(0));
        server.close();
        String line;
        do {
            line = first.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(line).as("the stream ends when the server stops").isNotNull();
        } while (!line.equals(END));
    }

    @Test
    void a_stream_opened_with_an_accounts_token_ends_once_the_account_is_disabled_while_the_host_tokens_goes_on()
            throws Exception {
        PinnedHttps admin = new PinnedHttps(server.adminUri(), server.tlsPin());
        HttpResponse<String> account = admin.postJson("/admin/v1/accounts",
                new String(Json.write(new AccountRequest("vera", AccountRole.VIEWER, "stream-password-Qw27")),
                        StandardCharsets.UTF_8), "Authorization", bearer);
        assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
        HttpResponse<String> created = admin.postJson("/admin/v1/accounts/vera/tokens",
                new String(Json.write(new AccountTokenRequest("events", 0)), StandardCharsets.UTF_8),
                "Authorization", bearer);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String veraToken = Json.read(created.body().getBytes(StandardCharsets.UTF_8), CreatedAccountToken.class).token();
        BlockingQueue<String> vera = linesOf(openStream("Authorization", "Bearer " + veraToken));
        BlockingQueue<String> host = linesOf(openStream("Authorization", bearer));
        register("PC1");
        nextEvent(vera, "computer");
        nextEvent(host, "computer");

        HttpResponse<String> disabled = admin.postJson("/admin/v1/accounts/vera/disable", "{}", "Authorization", bearer);
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);

        // changes keep coming; the disabled account's stream must end at one of them (its credential is read again
        // at most a second after its last check), the host token's stream goes on
        List<String> afterDisable = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int registered = 1;
        while (!afterDisable.contains(END)) {
            assertThat(System.nanoTime()).as("vera's stream ended within %s", PATIENCE).isLessThan(deadline);
            register("PC" + ++registered);
            String line = vera.poll(200, TimeUnit.MILLISECONDS);
            while (line != null) {
                afterDisable.add(line);
                line = line.equals(END) ? null : vera.poll();
            }
        }
        ComputerView last = Json.read(nextEvent(host, "computer").getBytes(StandardCharsets.UTF_8), ComputerView.class);
        assertThat(last.computer().display()).as("the host token's stream still carries changes").startsWith("CORP\\PC");
        assertThat(openStream("Authorization", "Bearer " + veraToken).statusCode())
                .as("and a new stream with the disabled account's token is refused").isEqualTo(401);
    }
}
