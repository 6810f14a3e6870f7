package dev.primary.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.tls.PinnedTls;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

class HelloWorldServerTest {
    @Test
    void every_request_is_answered_200_with_the_small_json_over_tls_with_the_pinned_key() throws Exception {
        try (HelloWorldServer server = HelloWorldServer.start(0)) {
            HttpClient client = HttpClient.newBuilder().sslContext(PinnedTls.trusting(server.tlsPin()))
                    .version(HttpClient.Version.HTTP_1_1).build();
            URI base = URI.create("https://127.0.0.1:" + server.port());

            HttpResponse<String> get = client.send(HttpRequest.newBuilder(base.resolve("/v1/hello")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> post = client.send(HttpRequest.newBuilder(base.resolve("/anything/else"))
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(100_000))).build(),
                    HttpResponse.BodyHandlers.ofString());

            for (HttpResponse<String> response : java.util.List.of(get, post)) {
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
                assertThat(response.body()).isEqualTo(HelloWorldServer.BODY_TEXT).hasSizeBetween(40, 80);
            }
        }
    }

    @Test
    void a_connection_is_kept_alive_until_a_request_asks_to_close_it() throws Exception {
        try (HelloWorldServer server = HelloWorldServer.start(0);
                SSLSocket socket = (SSLSocket) PinnedTls.trusting(server.tlsPin()).getSocketFactory()
                        .createSocket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            InputStream in = socket.getInputStream();
            String answers = new String(in.readAllBytes(), StandardCharsets.US_ASCII); // ends when the server closes

            assertThat(answers.split("HTTP/1.1 200 OK", -1)).hasSize(4);
            assertThat(answers).endsWith(HelloWorldServer.BODY_TEXT);
        }
    }
}
