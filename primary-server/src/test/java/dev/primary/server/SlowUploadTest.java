package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.crypto.Sha256;
import dev.primary.server.config.ConnectionLimits;
import dev.primary.server.config.ServerConfiguration;
import dev.primary.testkit.Eventually;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The body deadline on the admin port's package uploads, made short by configuration (one second, plus a second
 * per 64 KiB received): an upload that keeps moving runs well past it, one that trickles is cut and leaves nothing.
 */
class SlowUploadTest {
    private static final int MIN_RATE = 64 * 1024;

    @TempDir
    static Path dataDirectory;

    static LiveServer live;

    @BeforeAll
    static void start() throws Exception {
        live = LiveServer.startLicensed(ServerConfiguration.onFreeLoopbackPorts(dataDirectory).toBuilder()
                .connectionLimits(ConnectionLimits.DEFAULT.withDeadlines(Duration.ofSeconds(1), Duration.ofSeconds(1),
                        MIN_RATE)).build());
    }

    @AfterAll
    static void stop() {
        live.close();
    }

    @Test
    void an_upload_faster_than_the_minimum_rate_finishes_long_after_the_body_timeout() throws Exception {
        byte[] bytes = randomBytes(320 * 1024, 1);

        String answer = upload(bytes, 8 * 1024, 62);

        assertThat(answer).startsWith("HTTP/1.1 201");
        assertThat(live.storedFiles()).anyMatch(file -> file.getFileName().toString().equals(Sha256.hex(bytes)));
    }

    @Test
    void an_upload_slower_than_the_minimum_rate_is_answered_408_and_nothing_is_kept() throws Exception {
        byte[] bytes = randomBytes(320 * 1024, 2);

        String answer = upload(bytes, 1024, 100);

        assertThat(answer).startsWith("HTTP/1.1 408").contains("urn:primary:problem:request-timeout");
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(live.storedFiles())
                .noneMatch(file -> file.getFileName().toString().startsWith(".upload-")
                        || file.getFileName().toString().equals(Sha256.hex(bytes))));
    }

    /** PUTs {@code bytes} as a package, {@code chunk} bytes every {@code pauseMillis} ms; the server's answer. */
    private static String upload(byte[] bytes, int chunk, long pauseMillis) throws Exception {
        try (SSLSocket socket = live.rawAdminConnection()) {
            OutputStream out = socket.getOutputStream();
            LiveServer.writeHead(out, "PUT /admin/v1/packages/" + Sha256.hex(bytes) + " HTTP/1.1\nHost: localhost\n"
                    + live.bearer()[0] + ": " + live.bearer()[1] + "\nContent-Type: application/octet-stream\n"
                    + "Content-Length: " + bytes.length + "\n");
            try {
                for (int offset = 0; offset < bytes.length; offset += chunk) {
                    out.write(bytes, offset, Math.min(chunk, bytes.length - offset));
                    out.flush();
                    Thread.sleep(pauseMillis);
                }
            } catch (java.net.SocketException e) {
                // the server answered and closed before the whole body was sent
            }
            return LiveServer.readAnswer(socket.getInputStream(), 8192);
        }
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
