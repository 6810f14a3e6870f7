package dev.primary.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.tls.PinnedTls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticFileServerTest {
    private static final int SIZE = 5 * StaticFileServer.CHUNK_BYTES + 1234;

    @TempDir
    Path directory;
    private Path file;
    private byte[] content;

    @BeforeEach
    void makeFile() throws Exception {
        content = new byte[SIZE];
        new Random(7).nextBytes(content);
        file = Files.write(directory.resolve("release.bin"), content);
    }

    @Test
    void any_path_returns_the_whole_file_over_tls_with_the_pinned_key() throws Exception {
        try (StaticFileServer server = StaticFileServer.start(0, file)) {
            HttpResponse<byte[]> first = get(server, "/v1/packages/abc", null);
            HttpResponse<byte[]> second = get(server, "/other", null);

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValueAsLong("Content-Length")).hasValue(SIZE);
            assertThat(first.body()).isEqualTo(content);
            assertThat(second.body()).isEqualTo(content);
        }
    }

    @Test
    void an_open_ended_range_returns_the_rest_of_the_file() throws Exception {
        try (StaticFileServer server = StaticFileServer.start(0, file)) {
            HttpResponse<byte[]> rest = get(server, "/", "bytes=100000-");

            assertThat(rest.statusCode()).isEqualTo(206);
            assertThat(rest.headers().firstValue("Content-Range")).hasValue("bytes 100000-" + (SIZE - 1) + "/" + SIZE);
            assertThat(rest.body()).isEqualTo(Arrays.copyOfRange(content, 100_000, SIZE));
        }
    }

    @Test
    void a_closed_range_returns_those_bytes_and_one_past_the_end_is_refused() throws Exception {
        try (StaticFileServer server = StaticFileServer.start(0, file)) {
            HttpResponse<byte[]> span = get(server, "/", "bytes=10-19");
            HttpResponse<byte[]> pastEnd = get(server, "/", "bytes=" + SIZE + "-");

            assertThat(span.statusCode()).isEqualTo(206);
            assertThat(span.body()).isEqualTo(Arrays.copyOfRange(content, 10, 20));
            assertThat(pastEnd.statusCode()).isEqualTo(416);
            assertThat(pastEnd.headers().firstValue("Content-Range")).hasValue("bytes */" + SIZE);
        }
    }

    private static HttpResponse<byte[]> get(StaticFileServer server, String path, String range) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(PinnedTls.trusting(server.tlsPin()))
                .version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + path));
        if (range != null) {
            request.header("Range", range);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
