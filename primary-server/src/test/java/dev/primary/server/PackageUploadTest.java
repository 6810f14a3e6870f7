package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.crypto.Sha256;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import dev.primary.server.config.ServerConfiguration;
import dev.primary.testkit.Eventually;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code PUT /admin/v1/packages/<sha256>} over real HTTPS into the real file package store. */
class PackageUploadTest {
    private static final long MAX_PACKAGE = 4 * 1024 * 1024;

    @TempDir
    static Path dataDirectory;

    static LiveServer live;

    @BeforeAll
    static void start() throws Exception {
        live = LiveServer.startLicensed(ServerConfiguration.onFreeLoopbackPorts(dataDirectory).toBuilder()
                .maxPackageBytes(MAX_PACKAGE).build());
    }

    @AfterAll
    static void stop() {
        live.close();
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static Problem problemOf(HttpResponse<String> response) {
        return Json.read(response.body().getBytes(StandardCharsets.UTF_8), Problem.class);
    }

    @Test
    void a_package_streams_into_the_store_under_its_sha256_and_a_second_upload_keeps_one_copy() throws Exception {
        byte[] bytes = randomBytes(1_500_000, 1);
        String sha256 = Sha256.hex(bytes);

        HttpResponse<String> first = live.upload(sha256, bytes);
        HttpResponse<String> second = live.upload(sha256, bytes);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.body()).isEqualTo("{\"sha256\":\"" + sha256 + "\",\"size\":1500000}");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        Path stored = dataDirectory.resolve("packages").resolve(sha256.substring(0, 2)).resolve(sha256);
        assertThat(Files.readAllBytes(stored)).isEqualTo(bytes);
        assertThat(live.storedFiles()).filteredOn(file -> file.getFileName().toString().equals(sha256)).hasSize(1);
    }

    @Test
    void bytes_that_are_not_the_announced_sha256_are_refused_and_nothing_is_kept() throws Exception {
        byte[] bytes = randomBytes(300_000, 2);
        String claimed = Sha256.hex(randomBytes(10, 3));

        HttpResponse<String> response = live.upload(claimed, bytes);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(problemOf(response).detail()).contains("not the announced " + claimed).contains("nothing was kept");
        assertThat(live.storedFiles()).noneMatch(file -> file.toString().contains(claimed)
                || file.getFileName().toString().startsWith(".upload-"));
    }

    @Test
    void a_client_that_disconnects_mid_body_leaves_nothing_in_the_store() throws Exception {
        byte[] bytes = randomBytes(2_000_000, 4);
        String sha256 = Sha256.hex(bytes);
        try (SSLSocket socket = live.rawAdminConnection()) {
            OutputStream out = socket.getOutputStream();
            LiveServer.writeHead(out, "PUT /admin/v1/packages/" + sha256 + " HTTP/1.1\nHost: localhost\n"
                    + live.bearer()[0] + ": " + live.bearer()[1] + "\nContent-Type: application/octet-stream\n"
                    + "Content-Length: " + bytes.length + "\n");
            out.write(bytes, 0, 700_000);
            out.flush();
            Eventually.within(Duration.ofSeconds(10), () -> assertThat(live.storedFiles())
                    .anyMatch(file -> file.getFileName().toString().startsWith(".upload-")));
        }

        Eventually.within(Duration.ofSeconds(10), () -> assertThat(live.storedFiles())
                .noneMatch(file -> file.getFileName().toString().startsWith(".upload-")
                        || file.getFileName().toString().equals(sha256)));
        assertThat(live.upload(sha256, bytes).statusCode()).as("the same package uploads cleanly afterwards").isEqualTo(201);
    }

    @Test
    void an_upload_without_content_length_is_411_and_nothing_is_kept() throws Exception {
        String sha256 = Sha256.hex(new byte[] {1, 2, 3});
        try (SSLSocket socket = live.rawAdminConnection()) {
            OutputStream out = socket.getOutputStream();
            LiveServer.writeHead(out, "PUT /admin/v1/packages/" + sha256 + " HTTP/1.1\nHost: localhost\n"
                    + live.bearer()[0] + ": " + live.bearer()[1] + "\nTransfer-Encoding: chunked\n");
            out.write("3\r\n\u0001\u0002\u0003\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();

            String answer = LiveServer.readAnswer(socket.getInputStream(), 4096);

            assertThat(answer).startsWith("HTTP/1.1 411 ").contains("urn:primary:problem:length-required")
                    .contains("Content-Length");
        }
        assertThat(live.storedFiles()).noneMatch(file -> file.getFileName().toString().equals(sha256));
    }

    @Test
    void a_package_over_max_package_is_413_and_nothing_is_kept() throws Exception {
        byte[] bytes = randomBytes(16 * (int) MAX_PACKAGE, 5);

        HttpResponse<String> response = live.upload(Sha256.hex(bytes), bytes);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(problemOf(response).knownType()).hasValue(ProblemType.BODY_TOO_LARGE);
        assertThat(problemOf(response).detail()).contains("larger than the limit of " + MAX_PACKAGE + " bytes (max-package)");
        assertThat(live.storedFiles()).noneMatch(file -> file.getFileName().toString().equals(Sha256.hex(bytes)));
    }

    @Test
    void an_upload_without_the_admin_token_is_refused_and_nothing_is_kept() throws Exception {
        byte[] bytes = randomBytes(100_000, 6);

        HttpResponse<String> response = live.admin.send(live.admin.request("/admin/v1/packages/" + Sha256.hex(bytes))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(live.storedFiles()).noneMatch(file -> file.getFileName().toString().equals(Sha256.hex(bytes)));
    }

    @Test
    void a_client_that_expects_100_continue_gets_it_once_the_upload_is_accepted_and_a_refusal_instead() throws Exception {
        byte[] bytes = randomBytes(20_000, 8);
        String sha256 = Sha256.hex(bytes);
        try (SSLSocket socket = live.rawAdminConnection()) {
            LiveServer.writeHead(socket.getOutputStream(), "PUT /admin/v1/packages/" + sha256 + " HTTP/1.1\nHost: x\n"
                    + live.bearer()[0] + ": " + live.bearer()[1] + "\nExpect: 100-continue\nContent-Length: "
                    + bytes.length + "\n");
            assertThat(LiveServer.readAnswer(socket.getInputStream(), 25)).startsWith("HTTP/1.1 100 Continue\r\n");
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            assertThat(LiveServer.readAnswer(socket.getInputStream(), 4096)).contains("HTTP/1.1 201 Created");
        }
        try (SSLSocket socket = live.rawAdminConnection()) {
            LiveServer.writeHead(socket.getOutputStream(), "PUT /admin/v1/packages/" + sha256 + " HTTP/1.1\nHost: x\n"
                    + "Expect: 100-continue\nContent-Length: " + bytes.length + "\n");
            assertThat(LiveServer.readAnswer(socket.getInputStream(), 4096)).startsWith("HTTP/1.1 401 ")
                    .doesNotContain("100 Continue");
        }
    }

    @Test
    void an_address_that_is_not_a_sha256_is_400_and_a_get_is_405() throws Exception {
        HttpResponse<String> badAddress = live.upload("not-a-digest", new byte[] {1});
        HttpResponse<String> get = live.admin.get("/admin/v1/packages/" + Sha256.hex(new byte[] {1}), live.bearer());

        assertThat(badAddress.statusCode()).isEqualTo(400);
        assertThat(problemOf(badAddress).detail()).contains("sha256 must be 64 lower-case hex digits");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("PUT");
    }

    @Test
    void the_connection_keeps_serving_after_an_upload() throws Exception {
        byte[] bytes = randomBytes(50_000, 7);
        assertThat(live.upload(Sha256.hex(bytes), bytes).statusCode()).isIn(200, 201);

        assertThat(live.admin.get("/admin/v1/summary", live.bearer()).statusCode()).isEqualTo(200);
    }
}
