package dev.primary.client.http;

import dev.primary.testkit.ThrowawayCertificate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.client.service.PackageBody;
import dev.primary.client.service.RequestRefusedException;
import dev.primary.client.service.RequestSequence;
import dev.primary.client.service.ServerUnreachableException;
import dev.primary.client.service.ServiceSettings;
import dev.primary.client.service.TimeSource;
import dev.primary.client.testing.FakePrimaryServer;
import dev.primary.client.testing.FakePrimaryServer.Response;
import dev.primary.protocol.crypto.Base64Url;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.RequestSignature;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.EnrollmentCheckAnswer;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.ReportRequest;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.tls.TlsPin;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpServerConnectionTest {
    private final FakePrimaryServer server = FakePrimaryServer.start();
    private final SigningKey clientKey = Ed25519.generate();
    private final List<Long> persisted = new ArrayList<>();
    private final RequestSequence sequence = new RequestSequence(TimeSource.system(), 0, persisted::add);

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void register_is_signed_with_the_client_key_and_a_persisted_sequence_and_reads_the_licensed_answer() throws Exception {
        HttpServerConnection connection = connectionTo(server.pin());

        CheckInAnswer answer = connection.register(registerRequest());

        assertThat(answer).isInstanceOf(CheckInAnswer.Licensed.class);
        FakePrimaryServer.Request request = server.received("/v1/register").get(0);
        assertThat(request.clientId()).isEqualTo(clientKey.publicKey().keyId());
        assertThat(persisted).containsExactly(request.sequence());
        byte[] signed = RequestSignature.signedBytes("POST", "/v1/register", request.clientId(), request.sequence(),
                request.body());
        assertThat(clientKey.publicKey().verifies(signed, Base64Url.decode(request.signature()))).isTrue();
    }

    @Test
    void verify_and_report_follow_register_with_growing_sequences() throws Exception {
        HttpServerConnection connection = connectionTo(server.pin());
        connection.register(registerRequest());
        CheckInAnswer answer = connection.verify(new VerifyRequest("lease-1", new Version(1, 0, 1), 14400));
        connection.report(new ReportRequest(new Version(1, 0, 1), "licensed", "licensed until then"));

        assertThat(answer).isInstanceOf(CheckInAnswer.Licensed.class);
        assertThat(server.received()).extracting(FakePrimaryServer.Request::path)
                .containsExactly("/v1/register", "/v1/verify", "/v1/report");
        assertThat(persisted).isSorted().doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void a_server_whose_tls_key_is_not_the_pinned_one_is_refused_before_any_request_is_sent() {
        HttpServerConnection connection = connectionTo(ThrowawayCertificate.create().pin());

        assertThatThrownBy(() -> connection.register(registerRequest()))
                .isInstanceOf(ServerUnreachableException.class)
                .hasMessageStartingWith("TLS key refused: server TLS key " + server.pin())
                .hasMessageContaining("does not match the pinned key");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void a_replayed_sequence_is_resynchronised_with_the_servers_clock_and_retried_once() throws Exception {
        Instant serverTime = Instant.now().plus(Duration.ofDays(1));
        server.helloTime(serverTime);
        AtomicInteger registers = new AtomicInteger();
        server.on("/v1/register", request -> registers.incrementAndGet() == 1
                ? Response.problem(ProblemType.REPLAYED_REQUEST, "sequence already seen")
                : server.register(request));

        CheckInAnswer answer = connectionTo(server.pin()).register(registerRequest());

        assertThat(answer).isInstanceOf(CheckInAnswer.Licensed.class);
        List<FakePrimaryServer.Request> attempts = server.received("/v1/register");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(1).sequence()).isGreaterThan(serverTime.toEpochMilli());
        assertThat(server.received("/v1/hello")).hasSize(1);
    }

    @Test
    void a_sequence_persisted_years_ahead_is_rebased_on_the_servers_clock_and_retried_once() throws Exception {
        long yearsAhead = Instant.now().plus(Duration.ofDays(3650)).toEpochMilli();
        List<Long> rebased = new ArrayList<>();
        RequestSequence ahead = new RequestSequence(TimeSource.system(), yearsAhead, persisted::add, rebased::add);
        HttpServerConnection connection = connectionTo(server.pin(), ahead);

        CheckInAnswer answer = connection.register(registerRequest());
        connection.report(new ReportRequest(new Version(1, 0, 1), "licensed", "licensed"));

        assertThat(answer).isInstanceOf(CheckInAnswer.Licensed.class);
        List<FakePrimaryServer.Request> attempts = server.received("/v1/register");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).sequence()).isEqualTo(yearsAhead + 1);
        long nearNow = Instant.now().plus(Duration.ofMinutes(1)).toEpochMilli();
        assertThat(attempts.get(1).sequence()).isLessThan(nearNow);
        assertThat(rebased).singleElement().satisfies(value -> assertThat(value).isLessThan(nearNow));
        assertThat(server.received("/v1/report").get(0).sequence()).isGreaterThan(attempts.get(1).sequence())
                .isLessThan(nearNow);
        assertThat(server.received("/v1/hello")).hasSize(1);
    }

    @Test
    void a_clock_years_ahead_keeps_its_sequences_on_the_servers_time_after_one_rebase() throws Exception {
        TimeSource yearsAhead = TimeSource.of(Clock.offset(Clock.systemUTC(), Duration.ofDays(3650)), System::nanoTime);
        HttpServerConnection connection = connectionTo(server.pin(),
                new RequestSequence(yearsAhead, 0, persisted::add));

        connection.register(registerRequest());
        connection.verify(new VerifyRequest("lease-1", new Version(1, 0, 1), 14400));
        connection.report(new ReportRequest(new Version(1, 0, 1), "licensed", "licensed"));

        assertThat(server.received()).extracting(FakePrimaryServer.Request::path)
                .containsExactly("/v1/register", "/v1/hello", "/v1/register", "/v1/verify", "/v1/report");
        long nearNow = Instant.now().plus(Duration.ofMinutes(1)).toEpochMilli();
        assertThat(server.received("/v1/verify").get(0).sequence()).isLessThan(nearNow);
        assertThat(server.received("/v1/report").get(0).sequence()).isLessThan(nearNow);
    }

    @Test
    void a_sequence_still_ahead_after_the_rebase_is_refused_after_one_retry() {
        server.on("/v1/register", request -> Response.problem(ProblemType.SEQUENCE_AHEAD, "ahead of the clock"));

        assertThatThrownBy(() -> connectionTo(server.pin()).register(registerRequest()))
                .isInstanceOfSatisfying(RequestRefusedException.class,
                        refused -> assertThat(refused.is(ProblemType.SEQUENCE_AHEAD)).isTrue());
        assertThat(server.received("/v1/register")).hasSize(2);
        assertThat(server.received("/v1/hello")).hasSize(1);
    }

    @Test
    void a_download_with_a_sequence_ahead_is_rebased_and_retried_once() throws Exception {
        connectionTo(server.pin()).register(registerRequest());
        String sha256 = server.servePackage("0123".getBytes(StandardCharsets.US_ASCII));
        RequestSequence ahead = new RequestSequence(TimeSource.system(),
                Instant.now().plus(Duration.ofDays(3650)).toEpochMilli(), persisted::add);

        try (PackageBody body = connectionTo(server.pin(), ahead).download("/v1/packages/" + sha256, 0)) {
            assertThat(body.content().readAllBytes()).hasSize(4);
        }
        assertThat(server.received("/v1/packages/" + sha256)).hasSize(2);
    }

    @Test
    void a_retry_after_header_comes_with_the_refusal() {
        server.on("/v1/register", request -> Response.tooManyRequests(120, "20 registrations a minute from 127.0.0.1"));

        assertThatThrownBy(() -> connectionTo(server.pin()).register(registerRequest()))
                .isInstanceOfSatisfying(RequestRefusedException.class, refused -> {
                    assertThat(refused.is(ProblemType.TOO_MANY_REQUESTS)).isTrue();
                    assertThat(refused.retryAfter()).contains(Duration.ofSeconds(120));
                    assertThat(refused.problem().detail()).isEqualTo("20 registrations a minute from 127.0.0.1");
                });
        assertThat(server.received("/v1/register")).hasSize(1);
    }

    @Test
    void a_refusal_without_retry_after_has_none() {
        server.on("/v1/register", request -> Response.problem(ProblemType.COMPUTER_HELD, "held"));

        assertThatThrownBy(() -> connectionTo(server.pin()).register(registerRequest()))
                .isInstanceOfSatisfying(RequestRefusedException.class,
                        refused -> assertThat(refused.retryAfter()).isEmpty());
    }

    @Test
    void the_enrollment_token_goes_in_the_register_body() throws Exception {
        String token = server.issueToken(new EnrollmentCheckAnswer("k7q2m4xa", "lab", "", null, null));
        RegisterRequest request = new RegisterRequest(ComputerIdentity.computer("PC1", "CORP"), "Linux", new Version(0, 1, 0),
                Version.NONE, clientKey.publicKey().encoded(), 14400, 0, token);

        CheckInAnswer answer = connectionTo(server.pin()).register(request);

        assertThat(answer).isInstanceOf(CheckInAnswer.Licensed.class);
        assertThat(server.received("/v1/register").get(0).bodyAs(RegisterRequest.class).enrollmentToken())
                .isEqualTo(token);
    }

    @Test
    void a_replayed_sequence_is_retried_only_once() {
        server.on("/v1/register", request -> Response.problem(ProblemType.REPLAYED_REQUEST, "sequence already seen"));

        assertThatThrownBy(() -> connectionTo(server.pin()).register(registerRequest()))
                .isInstanceOf(RequestRefusedException.class);
        assertThat(server.received("/v1/register")).hasSize(2);
    }

    @Test
    void a_problem_answer_is_a_refusal_carrying_its_type_and_detail() {
        HttpServerConnection connection = connectionTo(server.pin());

        assertThatThrownBy(() -> connection.verify(new VerifyRequest("lease-1", Version.NONE, 14400)))
                .isInstanceOfSatisfying(RequestRefusedException.class,
                        refused -> assertThat(refused.is(ProblemType.UNKNOWN_CLIENT)).isTrue())
                .hasMessageContaining("Unknown client (HTTP 401): no client " + clientKey.publicKey().keyId());
    }

    @Test
    void server_errors_count_as_lost_contact() {
        server.on("/v1/register", request -> Response.problem(ProblemType.SERVER_BUSY, "try later"));

        assertThatThrownBy(() -> connectionTo(server.pin()).register(registerRequest()))
                .isInstanceOf(ServerUnreachableException.class)
                .hasMessage("answered /v1/register with HTTP 503: try later");
    }

    @Test
    void a_closed_port_is_a_refused_connection() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HttpServerConnection connection = new HttpServerConnection(endpoint(closedPort, server.pin()), clientKey, sequence);

        assertThatThrownBy(() -> connection.register(registerRequest()))
                .isInstanceOf(ServerUnreachableException.class)
                .hasMessage("connection refused");
    }

    @Test
    void an_answer_that_is_not_a_check_in_answer_is_lost_contact() {
        server.on("/v1/register", request -> Response.json(200, java.util.Map.of("hello", "world")));

        assertThatThrownBy(() -> connectionTo(server.pin()).register(registerRequest()))
                .isInstanceOf(ServerUnreachableException.class)
                .hasMessageStartingWith("answered with something that is not a check-in answer");
    }

    @Test
    void a_server_that_does_not_answer_within_the_request_timeout_is_unreachable_with_no_answer() {
        CountDownLatch release = new CountDownLatch(1);
        server.on("/v1/register", request -> {
            awaitQuietly(release);
            return server.register(request);
        });
        HttpServerConnection connection = new HttpServerConnection(endpoint(server.port(), server.pin()), clientKey,
                sequence, Duration.ofSeconds(5), Duration.ofSeconds(1));
        try {
            assertThatThrownBy(() -> connection.register(registerRequest()))
                    .isInstanceOf(ServerUnreachableException.class)
                    .hasMessage("no answer within 1 s");
            assertThat(server.received("/v1/register")).hasSize(1);
        } finally {
            release.countDown();
        }
    }

    @Test
    void a_request_in_flight_is_abandoned_at_once_when_the_service_stops_instead_of_waiting_for_its_timeout()
            throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.on("/v1/register", request -> {
            arrived.countDown();
            awaitQuietly(release);
            return server.register(request);
        });
        // A request timeout of ten minutes: an answer within the minute below can only be the abandonment, however
        // slow the machine.
        HttpServerConnection connection = new HttpServerConnection(endpoint(server.port(), server.pin()), clientKey,
                sequence, Duration.ofSeconds(5), Duration.ofMinutes(10));
        try {
            registerIsAbandonedAtOnce(connection, arrived);
            assertThat(server.received("/v1/register")).hasSize(1);
        } finally {
            release.countDown();
        }
    }

    @Test
    void a_request_still_in_its_tls_handshake_is_abandoned_at_once_when_the_service_stops() throws Exception {
        // A server that accepts the connection and then says nothing: the client's handshake waits for its hello.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CountDownLatch accepted = new CountDownLatch(1);
            List<java.net.Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    held.add(silent.accept());
                    accepted.countDown();
                } catch (IOException e) {
                    // the listener closed: nothing was held
                }
            });
            // A request timeout of two minutes: an answer within the minute below can only be the abandonment.
            HttpServerConnection connection = new HttpServerConnection(endpoint(silent.getLocalPort(), server.pin()),
                    clientKey, sequence, Duration.ofSeconds(5), Duration.ofMinutes(2));
            try {
                acceptor.start();
                registerIsAbandonedAtOnce(connection, accepted);
                assertThat(accepted.getCount()).as("the connection reached the silent server").isZero();
            } finally {
                silent.close();
                acceptor.join();
                for (java.net.Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    /**
     * A registration through {@code connection} that another thread abandons once {@code cue} is counted down (the
     * service stops) fails at once with the abandonment's message, well before the connection's request timeout.
     */
    private void registerIsAbandonedAtOnce(HttpServerConnection connection, CountDownLatch cue)
            throws InterruptedException {
        Thread stopping = new Thread(() -> {
            awaitQuietly(cue);
            connection.abandon();
        });
        try {
            stopping.start();
            long start = System.nanoTime();
            assertThatThrownBy(() -> connection.register(registerRequest()))
                    .isInstanceOf(ServerUnreachableException.class)
                    .hasMessage("interrupted while waiting for the server");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));
        } finally {
            stopping.join();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpServerConnection connectionTo(TlsPin pin) {
        return connectionTo(pin, sequence);
    }

    private HttpServerConnection connectionTo(TlsPin pin, RequestSequence requestSequence) {
        return new HttpServerConnection(endpoint(server.port(), pin), clientKey, requestSequence, Duration.ofSeconds(5),
                Duration.ofSeconds(10));
    }

    private ServiceSettings.ServerEndpoint endpoint(int port, TlsPin pin) {
        return new ServiceSettings.ServerEndpoint("127.0.0.1", port, pin, server.keys().publicKey(),
                server.keys().serverId());
    }

    @Test
    void a_download_is_signed_over_an_empty_body_and_resumes_with_a_range_header() throws Exception {
        HttpServerConnection connection = connectionTo(server.pin());
        connection.register(registerRequest());
        byte[] bytes = "0123456789".getBytes(StandardCharsets.US_ASCII);
        String sha256 = server.servePackage(bytes);

        try (PackageBody whole = connection.download("/v1/packages/" + sha256, 0);
                PackageBody rest = connection.download("/v1/packages/" + sha256, 4)) {
            assertThat(whole.offset()).isZero();
            assertThat(whole.content().readAllBytes()).isEqualTo(bytes);
            assertThat(rest.offset()).isEqualTo(4);
            assertThat(rest.length()).isEqualTo(6);
            assertThat(new String(rest.content().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("456789");
        }

        List<FakePrimaryServer.Request> requests = server.received("/v1/packages/" + sha256);
        assertThat(requests).extracting(request -> request.header("Range")).containsExactly(null, "bytes=4-");
        FakePrimaryServer.Request first = requests.get(0);
        byte[] signed = RequestSignature.signedBytes("GET", first.path(), first.clientId(), first.sequence(), new byte[0]);
        assertThat(clientKey.publicKey().verifies(signed, Base64Url.decode(first.signature()))).isTrue();
    }

    @Test
    void a_refused_download_carries_the_servers_problem() {
        HttpServerConnection connection = connectionTo(server.pin());
        server.on("/v1/packages/" + "0".repeat(64), request -> Response.problem(ProblemType.NOT_FOUND,
                "no release or content has this package"));

        assertThatThrownBy(() -> connection.download("/v1/packages/" + "0".repeat(64), 0))
                .isInstanceOf(RequestRefusedException.class)
                .hasMessageContaining("no release or content has this package")
                .satisfies(e -> assertThat(((RequestRefusedException) e).problem().status()).isEqualTo(404));
    }

    @Test
    void a_server_error_on_download_counts_as_unreachable() {
        HttpServerConnection connection = connectionTo(server.pin());
        server.on("/v1/packages/" + "1".repeat(64), request -> new Response(503, "text/plain",
                "busy".getBytes(StandardCharsets.US_ASCII)));

        assertThatThrownBy(() -> connection.download("/v1/packages/" + "1".repeat(64), 0))
                .isInstanceOf(ServerUnreachableException.class)
                .hasMessageStartingWith("answered GET /v1/packages/" + "1".repeat(64) + " with HTTP 503");
    }

    private RegisterRequest registerRequest() {
        return new RegisterRequest(ComputerIdentity.computer("PC1", "CORP"), "Linux 6.1 amd64", new Version(0, 1, 0),
                Version.NONE, clientKey.publicKey().encoded(), 14400);
    }
}
