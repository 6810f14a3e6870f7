package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.LicenseSummary;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.Sha256;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.tls.PinnedTls;
import dev.primary.protocol.tls.TlsPin;
import dev.primary.server.config.ServerConfiguration;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics}, {@code /health/live} and {@code /health/ready} on the admin port of a real server. */
class MetricsAndHealthTest {
    private static final String OK_VERIFY =
            "primary_http_requests_total{listener=\"client\",method=\"POST\",outcome=\"ok\",route=\"/v1/verify\"}";
    private static final String OK_REGISTER =
            "primary_http_requests_total{listener=\"client\",method=\"POST\",outcome=\"ok\",route=\"/v1/register\"}";

    private static final String PACKAGE_BYTES = "primary_package_served_bytes_total{listener=\"client\"}";
    private static final String COMPLETE_BODIES =
            "primary_package_bodies_total{listener=\"client\",outcome=\"complete\"}";

    @TempDir
    Path dataDirectory;

    @Test
    void the_counters_move_by_exactly_the_check_ins_made() throws Exception {
        try (LiveServer live = LiveServer.startLicensed(ServerConfiguration.onFreeLoopbackPorts(dataDirectory))) {
            String before = scrape(live);

            for (int i = 0; i < 3; i++) {
                assertThat(live.verifyClient("any").statusCode()).isEqualTo(200);
            }
            for (String name : new String[] {"PC2", "PC3"}) {
                assertThat(live.register(Ed25519.generate(), name, live.enrollmentToken()).statusCode()).isEqualTo(200);
            }
            String after = scrape(live);

            assertThat(value(after, "primary_verifications_total") - value(before, "primary_verifications_total"))
                    .isEqualTo(3);
            assertThat(value(after, "primary_registrations_total") - value(before, "primary_registrations_total"))
                    .isEqualTo(2);
            assertThat(value(after, OK_VERIFY) - value(before, OK_VERIFY)).isEqualTo(3);
            assertThat(value(after, OK_REGISTER) - value(before, OK_REGISTER)).isEqualTo(2);
            assertThat(value(after, "primary_store_commit_seconds_count"))
                    .as("commits recorded").isGreaterThan(value(before, "primary_store_commit_seconds_count"));
            assertThat(after).contains("jvm_memory_used_bytes", "primary_store_commit_batch_writes_bucket");
        }
    }

    @Test
    void package_bytes_served_count_each_body_sent() throws Exception {
        try (LiveServer live = LiveServer.startLicensed(ServerConfiguration.onFreeLoopbackPorts(dataDirectory))) {
            byte[] bytes = new byte[300_000];
            new Random(7).nextBytes(bytes);
            HttpResponse<String> added = live.publishRelease(bytes, new Version(1, 2, 345));
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            String sha256 = Sha256.hex(bytes);
            String before = scrape(live);

            assertThat(live.download(sha256).body()).hasSize(300_000);
            assertThat(live.download(sha256, "Range", "bytes=10-19").body()).hasSize(10);
            String after = scrape(live);

            assertThat(value(after, PACKAGE_BYTES) - value(before, PACKAGE_BYTES)).isEqualTo(300_010);
            assertThat(value(after, COMPLETE_BODIES) - value(before, COMPLETE_BODIES)).isEqualTo(2);
        }
    }

    @Test
    void the_seat_gauges_match_the_license_summary() throws Exception {
        try (LiveServer live = LiveServer.startLicensed(ServerConfiguration.onFreeLoopbackPorts(dataDirectory))) {
            assertThat(live.register(Ed25519.generate(), "PC2", live.enrollmentToken()).statusCode()).isEqualTo(200);
            HttpResponse<String> summaryAnswer = live.admin.get("/admin/v1/summary", live.bearer());
            LicenseSummary summary = Json.read(summaryAnswer.body().getBytes(StandardCharsets.UTF_8),
                    LicenseSummary.class);
            String metrics = scrape(live);

            assertThat(value(metrics, "primary_seats{state=\"granted\"}")).isEqualTo(summary.licenses()).isEqualTo(5);
            assertThat(value(metrics, "primary_seats{state=\"used\"}")).isEqualTo(summary.used()).isEqualTo(2);
            assertThat(value(metrics, "primary_seats{state=\"active\"}")).isEqualTo(summary.active());
            assertThat(value(metrics, "primary_seats{state=\"reserved\"}")).isEqualTo(summary.reserved());
            assertThat(value(metrics, "primary_waiting_computers")).isEqualTo(summary.waiting());
        }
    }

    @Test
    void health_and_metrics_need_no_token_but_the_admin_api_still_does() throws Exception {
        try (LiveServer live = LiveServer.startLicensed(ServerConfiguration.onFreeLoopbackPorts(dataDirectory))) {
            HttpResponse<String> liveness = live.admin.get("/health/live");
            HttpResponse<String> readiness = live.admin.get("/health/ready");
            HttpResponse<String> metrics = live.admin.get("/metrics");

            assertThat(liveness.statusCode()).isEqualTo(200);
            assertThat(liveness.body()).isEqualTo("{\"status\":\"live\"}");
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"status\":\"ready\"").doesNotContain("token", "key\"");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(live.admin.get("/admin/v1/server").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void readiness_is_false_until_the_store_is_open() throws Exception {
        ServerConfiguration first = ServerConfiguration.onFreeLoopbackPorts(dataDirectory);
        TlsPin pin;
        try (PrimaryServer installed = PrimaryServer.start(first, Clock.systemUTC())) {
            pin = installed.tlsPin();
        }
        int adminPort = freePort();
        ServerConfiguration configuration = first.toBuilder().adminPort(adminPort).build();
        CountDownLatch opening = new CountDownLatch(1);
        CountDownLatch mayOpen = new CountDownLatch(1);
        LicensingBackend.Opener slowStore = (settings, key, directory, clock) -> {
            opening.countDown();
            try {
                assertThat(mayOpen.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return SqliteLicensing.open(settings, key, directory, clock);
        };
        CompletableFuture<PrimaryServer> starting = CompletableFuture.supplyAsync(
                () -> PrimaryServer.start(configuration, Clock.systemUTC(), slowStore));
        try {
            assertThat(opening.await(30, TimeUnit.SECONDS)).as("the store is being opened").isTrue();
            PinnedHttps admin = new PinnedHttps(URI.create("https://127.0.0.1:" + adminPort), pin);

            HttpResponse<String> whileOpening = admin.get("/health/ready");
            assertThat(whileOpening.statusCode()).isEqualTo(503);
            assertThat(whileOpening.body()).contains("\"status\":\"not ready\"", "\"keysLoaded\":true",
                    "\"storeOpen\":false");
            assertThat(admin.get("/health/live").statusCode()).isEqualTo(200);

            mayOpen.countDown();
            try (PrimaryServer server = starting.get(30, TimeUnit.SECONDS)) {
                HttpResponse<String> started = admin.get("/health/ready");
                assertThat(started.statusCode()).isEqualTo(200);
                assertThat(started.body()).contains("\"storeOpen\":true");
            }
        } finally {
            mayOpen.countDown();
        }
    }

    @Test
    void tls_handshakes_are_counted_full_or_resumed_as_each_completes() throws Exception {
        try (LiveServer live = LiveServer.startLicensed(ServerConfiguration.onFreeLoopbackPorts(dataDirectory))) {
            String before = scrape(live);
            SSLContext client = PinnedTls.trusting(live.server.tlsPin());
            for (int connection = 0; connection < 3; connection++) {
                try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1",
                        live.server.clientPort())) {
                    socket.getOutputStream().write(("GET /v1/hello HTTP/1.1\r\nHost: localhost\r\n"
                            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                            .startsWith("HTTP/1.1 200");
                }
            }
            String after = scrape(live);

            assertThat(value(after, FULL_HANDSHAKES) - value(before, FULL_HANDSHAKES))
                    .as("the first connection's full handshake").isGreaterThanOrEqualTo(1);
            assertThat(value(after, RESUMED_HANDSHAKES) - value(before, RESUMED_HANDSHAKES))
                    .as("the next two resumed the first one's session").isGreaterThanOrEqualTo(2);
            // the JDK's TLS (Java 17), as a Client Service's, offers X25519 first: the post-quantum hybrid is not agreed
            assertThat(value(after, X25519_HANDSHAKES) - value(before, X25519_HANDSHAKES))
                    .as("all three handshakes agreed X25519").isGreaterThanOrEqualTo(3);
            assertThat(after).doesNotContain("group=\"X25519MLKEM768\"");
        }
    }

    private static final String FULL_HANDSHAKES = "primary_tls_handshakes_total{kind=\"full\"}";
    private static final String RESUMED_HANDSHAKES = "primary_tls_handshakes_total{kind=\"resumed\"}";
    private static final String X25519_HANDSHAKES = "primary_tls_key_exchanges_total{group=\"X25519\"}";

    private static String scrape(LiveServer live) throws Exception {
        HttpResponse<String> answer = live.admin.get("/metrics");
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    /** The value of one series ({@code name} or {@code name{labels}}) in a Prometheus text scrape; 0 when absent. */
    private static double value(String scrape, String series) {
        return Arrays.stream(scrape.split("\n")).filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).strip().split(" ")[0]))
                .findFirst().orElse(0);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
