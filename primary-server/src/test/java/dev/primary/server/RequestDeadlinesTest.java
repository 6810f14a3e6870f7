package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.TrafficCounters;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.tls.PinnedTls;
import dev.primary.server.config.ConnectionLimits;
import dev.primary.server.config.ServerConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deadlines for a request's head and body over real TLS, made short (one second) by configuration. The idle
 * timeout stays at its minute, so only a deadline can end these connections within the tests' patience.
 */
class RequestDeadlinesTest {
    private static final Duration DEADLINE = Duration.ofSeconds(1);
    private static final int READ_PATIENCE_MILLIS = 15_000;

    @TempDir
    Path dataDirectory;

    private RunningServer running;

    @BeforeEach
    void start() {
        running = RunningServer.start(ServerConfiguration.onFreeLoopbackPorts(dataDirectory).toBuilder()
                .connectionLimits(ConnectionLimits.DEFAULT.withDeadlines(DEADLINE, DEADLINE, 1024)).build());
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void a_head_that_keeps_trickling_past_the_header_deadline_is_answered_408_and_the_connection_closed()
            throws Exception {
        try (SSLSocket socket = clientConnection()) {
            OutputStream out = socket.getOutputStream();
            out.write(ascii("GET /v1/hello HTTP/1.1\r\nHost: primary\r\n"));
            Thread trickle = trickle(out, "X-Slow: " + "x".repeat(200));

            long started = System.nanoTime();
            String answer = LiveServer.readAnswer(socket.getInputStream(), 4096);

            assertThat(answer).startsWith("HTTP/1.1 408").contains("urn:primary:problem:request-timeout")
                    .contains("head did not arrive in time");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(10_000);
            assertClosedByServer(socket.getInputStream());
            trickle.interrupt();
        }
        assertThat(counters().timedOutRequests()).isEqualTo(1);
    }

    @Test
    void a_body_that_arrives_slower_than_the_minimum_rate_is_answered_408_and_the_connection_closed()
            throws Exception {
        try (SSLSocket socket = clientConnection()) {
            OutputStream out = socket.getOutputStream();
            out.write(ascii("POST /v1/verify HTTP/1.1\r\nHost: primary\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"leaseId\":"));
            Thread trickle = trickle(out, "\"" + "x".repeat(500));

            String answer = LiveServer.readAnswer(socket.getInputStream(), 4096);

            assertThat(answer).startsWith("HTTP/1.1 408").contains("urn:primary:problem:request-timeout")
                    .contains("body did not arrive in time");
            assertClosedByServer(socket.getInputStream());
            trickle.interrupt();
        }
        assertThat(counters().timedOutRequests()).isEqualTo(1);
    }

    @Test
    void a_kept_alive_connection_may_wait_longer_than_the_header_deadline_between_requests() throws Exception {
        try (SSLSocket socket = clientConnection()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(ascii("GET /v1/hello HTTP/1.1\r\nHost: primary\r\n\r\n"));
            assertThat(LiveServer.readAnswer(in, 8192)).startsWith("HTTP/1.1 200");

            Thread.sleep(DEADLINE.multipliedBy(2).toMillis());
            out.write(ascii("GET /v1/hello HTTP/1.1\r\nHost: primary\r\n\r\n"));

            assertThat(LiveServer.readAnswer(in, 8192)).startsWith("HTTP/1.1 200");
        }
        assertThat(counters().timedOutRequests()).isZero();
    }

    private SSLSocket clientConnection() throws IOException {
        SSLSocket socket = (SSLSocket) PinnedTls.trusting(running.server.tlsPin()).getSocketFactory()
                .createSocket("127.0.0.1", running.server.clientPort());
        socket.setSoTimeout(READ_PATIENCE_MILLIS);
        socket.startHandshake();
        return socket;
    }

    /** Writes {@code text} a byte every 100 ms on a daemon thread, until it is all sent or the server closes. */
    private static Thread trickle(OutputStream out, String text) {
        Thread thread = new Thread(() -> {
            try {
                for (byte next : ascii(text)) {
                    out.write(next);
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                // the server closed the connection, or the test is done
            }
        }, "trickle");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void assertClosedByServer(InputStream in) throws IOException {
        try {
            while (in.read() >= 0) {
                // what is left of the answer, until the end
            }
        } catch (java.net.SocketException e) {
            // a reset is a close too
        }
    }

    private TrafficCounters counters() throws Exception {
        HttpResponse<String> counters = running.admin.get("/admin/v1/counters", "Authorization",
                "Bearer " + running.adminToken());
        assertThat(counters.statusCode()).as(counters.body()).isEqualTo(200);
        return Json.read(counters.body().getBytes(StandardCharsets.UTF_8), TrafficCounters.class);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
