package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.crypto.Sha256;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.Hello;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.Version;
import dev.primary.server.config.ServerConfiguration;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /v1/packages/<sha256>}: a licensed client fetches a release package, whole or by ranges, over real HTTPS. */
class PackageDownloadTest {
    private static final int SIZE = 1_000_000;

    @TempDir
    static Path dataDirectory;

    static LiveServer live;
    static byte[] bytes;
    static String sha256;

    @BeforeAll
    static void startAndPublish() throws Exception {
        live = LiveServer.startLicensed(ServerConfiguration.onFreeLoopbackPorts(dataDirectory));
        bytes = new byte[SIZE];
        new Random(42).nextBytes(bytes);
        sha256 = Sha256.hex(bytes);
        HttpResponse<String> added = live.publishRelease(bytes, new Version(1, 2, 345));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        live.close();
    }

    private static Problem problemOf(HttpResponse<byte[]> response) {
        return Json.read(response.body(), Problem.class);
    }

    @Test
    void a_licensed_client_downloads_the_whole_package_with_its_etag() throws Exception {
        HttpResponse<byte[]> response = live.download(sha256);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(bytes);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(response.headers().firstValue("Content-Length")).hasValue(String.valueOf(SIZE));
        assertThat(response.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(response.headers().firstValue("ETag")).hasValue("\"" + sha256 + "\"");
    }

    @Test
    void a_range_whose_end_lies_beyond_the_file_however_far_is_206_clamped_to_the_last_byte() throws Exception {
        HttpResponse<byte[]> response = live.download(sha256, "Range", "bytes=999990-99999999999999999999");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes 999990-999999/1000000");
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(bytes, 999_990, SIZE));
    }

    @Test
    void an_open_range_resumes_from_a_byte_and_a_closed_range_is_exact() throws Exception {
        HttpResponse<byte[]> rest = live.download(sha256, "Range", "bytes=400000-");
        HttpResponse<byte[]> middle = live.download(sha256, "Range", "bytes=10-19");
        HttpResponse<byte[]> tail = live.download(sha256, "Range", "bytes=-100");

        assertThat(rest.statusCode()).isEqualTo(206);
        assertThat(rest.headers().firstValue("Content-Range")).hasValue("bytes 400000-999999/1000000");
        assertThat(rest.body()).isEqualTo(Arrays.copyOfRange(bytes, 400_000, SIZE));
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 10-19/1000000");
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(bytes, 10, 20));
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(bytes, SIZE - 100, SIZE));
    }

    @Test
    void a_range_past_the_end_is_416_with_the_size() throws Exception {
        HttpResponse<byte[]> response = live.download(sha256, "Range", "bytes=1000000-");

        assertThat(response.statusCode()).isEqualTo(416);
        assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes */1000000");
        assertThat(problemOf(response).knownType()).hasValue(ProblemType.RANGE_NOT_SATISFIABLE);
        assertThat(problemOf(response).detail()).contains("the file has 1000000 bytes");
        assertThat(live.download(sha256, "Range", "bytes=0-1,5-6").statusCode()).isEqualTo(416);
    }

    @Test
    void a_range_for_another_version_of_the_file_sends_it_whole() throws Exception {
        HttpResponse<byte[]> response = live.download(sha256, "Range", "bytes=500-", "If-Range", "\"other\"");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).hasSize(SIZE);
    }

    @Test
    void a_package_of_no_release_is_refused() throws Exception {
        String unknown = Sha256.hex("no such package".getBytes(StandardCharsets.UTF_8));

        HttpResponse<byte[]> response = live.download(unknown);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(problemOf(response).knownType()).hasValue(ProblemType.NOT_FOUND);
    }

    @Test
    void an_unknown_client_is_refused() throws Exception {
        HttpResponse<byte[]> response = live.download(Ed25519.generate(), sha256, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(problemOf(response).knownType()).hasValue(ProblemType.UNKNOWN_CLIENT);
    }

    @Test
    void a_download_without_signature_headers_is_refused() throws Exception {
        HttpResponse<String> response = live.client.get("/v1/packages/" + sha256);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("missing header Primary-Client-Id");
    }

    @Test
    void hello_lists_the_trusted_release_keys_for_clients_to_pin() throws Exception {
        Hello hello = Json.read(live.client.get("/v1/hello").body().getBytes(StandardCharsets.UTF_8), Hello.class);

        assertThat(hello.releaseKeys()).extracting(PublicKey::decode).containsExactly(live.releaseKey.publicKey());
    }
}
