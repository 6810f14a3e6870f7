package dev.primary.bench.fleet.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.bench.fleet.metrics.ErrorKind;
import dev.primary.bench.fleet.metrics.MetricsSnapshot;
import dev.primary.bench.fleet.metrics.PhaseMetrics;
import dev.primary.bench.fleet.scenario.Budget;
import dev.primary.bench.fleet.scenario.ClosedLoopRun;
import dev.primary.bench.fleet.scenario.FixedWork;
import dev.primary.bench.harness.HelloWorldServer;
import dev.primary.protocol.tls.PinnedTls;
import dev.primary.protocol.tls.TlsPin;
import dev.primary.testkit.FreePorts;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The transport against a real TLS server on loopback: the server's own stack, in this JVM. */
class HttpsTransportTest {
    static final OutgoingRequest REQUEST = OutgoingRequest.postJson("/v1/verify", List.of(),
            "{\"x\":1}".getBytes(StandardCharsets.UTF_8));

    static HelloWorldServer hello;
    static Endpoint endpoint;

    @BeforeAll
    static void start_a_hello_world_server() {
        hello = HelloWorldServer.start(0);
        endpoint = new Endpoint("127.0.0.1", hello.port(), hello.tlsPin());
    }

    @AfterAll
    static void stop_it() {
        hello.close();
    }

    @Test
    void reused_connections_carry_many_requests_after_one_handshake_each() {
        MetricsSnapshot result = run(endpoint, ConnectionMode.REUSE, true, 2, 50);
        assertThat(result.operations()).isEqualTo(50);
        assertThat(result.errors()).isEmpty();
        assertThat(result.fullHandshakes()).isEqualTo(2);
        assertThat(result.resumedHandshakes()).isZero();
    }

    @Test
    void fresh_connections_resume_the_session_their_slot_kept_from_the_last_connection() {
        MetricsSnapshot result = run(endpoint, ConnectionMode.FRESH, true, 2, 30);
        assertThat(result.operations()).isEqualTo(30);
        assertThat(result.fullHandshakes()).isEqualTo(2);
        assertThat(result.resumedHandshakes()).isEqualTo(28);
    }

    @Test
    void without_resumption_every_fresh_connection_makes_a_full_handshake() {
        MetricsSnapshot result = run(endpoint, ConnectionMode.FRESH, false, 2, 20);
        assertThat(result.operations()).isEqualTo(20);
        assertThat(result.fullHandshakes()).isEqualTo(20);
        assertThat(result.resumedHandshakes()).isZero();
    }

    @Test
    void a_refused_connection_leaves_the_client_its_session_so_it_resumes_when_the_server_is_back() {
        try (TcpDoor door = TcpDoor.to(hello.port());
                HttpsTransport transport = HttpsTransport.open(new Endpoint("127.0.0.1", door.port(), hello.tlsPin()),
                        TransportSettings.defaults().withResumption(true, 1))) {
            MetricsSnapshot first = once(transport);
            door.shut();
            MetricsSnapshot whileAway = once(transport);
            door.open();
            MetricsSnapshot back = once(transport);

            assertThat(first.fullHandshakes()).isEqualTo(1);
            assertThat(whileAway.errors()).containsEntry(ErrorKind.CONNECT_REFUSED, 1L);
            assertThat(transport.sessionsHeld()).isEqualTo(1);
            assertThat(back.operations()).isEqualTo(1);
            assertThat(back.resumedHandshakes()).as("resumed after the refused attempt").isEqualTo(1);
        }
    }

    @Test
    void the_servers_session_tickets_outlive_a_client_services_four_hour_check_in_interval() {
        try (HttpsTransport transport = HttpsTransport.open(endpoint,
                TransportSettings.defaults().withResumption(true, 1))) {
            assertThat(once(transport).operations()).isEqualTo(1);

            // the check-in interval (4 h) plus the longest retry back-off (1 h): the next check-in still resumes
            assertThat(transport.sessionLifetimeSeconds(0)).isGreaterThanOrEqualTo(Duration.ofHours(5).toSeconds());
        }
    }

    @Test
    void every_handshake_agrees_x25519_as_a_client_services_does_not_the_post_quantum_hybrid() {
        assertThat(keyExchangesOf(TransportSettings.defaults().withResumption(true, 2)))
                .as("full and resumed handshakes alike").containsExactly(Map.entry("X25519", 12L));
    }

    @Test
    void clients_told_to_offer_the_post_quantum_hybrid_first_agree_it() {
        assertThat(keyExchangesOf(TransportSettings.defaults().withResumption(true, 2)
                .withKeyExchanges(List.of("X25519MLKEM768", "X25519")))).containsExactly(Map.entry("X25519MLKEM768", 12L));
    }

    @Test
    void a_key_exchange_boringssl_does_not_know_is_refused_when_the_transport_opens() {
        TransportSettings unknown = TransportSettings.defaults().withKeyExchanges(List.of("X25519", "no-such-group"));
        assertThatThrownBy(() -> HttpsTransport.open(endpoint, unknown).close())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-group");
    }

    /** The key exchanges of 12 check-ins over fresh connections of 2 lanes (2 full handshakes, 10 resumed). */
    private static Map<String, Long> keyExchangesOf(TransportSettings settings) {
        try (HttpsTransport transport = HttpsTransport.open(endpoint, settings)) {
            PhaseMetrics metrics = new PhaseMetrics();
            new ClosedLoopRun(transport, ConnectionMode.FRESH, 2, new FixedWork(REQUEST, BodyMode.KEEP, -1,
                    Budget.count(12)), metrics).run();
            assertThat(metrics.snapshot().resumedHandshakes()).isEqualTo(10);
            return transport.keyExchanges();
        }
    }

    @Test
    void the_simulator_offers_no_certificate_compression_as_a_client_services_tls_does_not() throws Exception {
        Set<Integer> simulator = ClientHellos.extensionsOffered(port -> run(new Endpoint("127.0.0.1", port,
                hello.tlsPin()), ConnectionMode.FRESH, false, 1, 1));
        Set<Integer> clientService = ClientHellos.extensionsOffered(HttpsTransportTest::javaHandshake);
        Set<Integer> nettyDefault = ClientHellos.extensions(nettyDefaultClientHello());

        assertThat(clientService).as("Java 17's TLS, a Client Service's").isNotEmpty()
                .doesNotContain(ClientHellos.COMPRESS_CERTIFICATE);
        assertThat(nettyDefault).as("BoringSSL with Netty's defaults, the simulator's stack")
                .contains(ClientHellos.COMPRESS_CERTIFICATE);
        assertThat(simulator).isNotEmpty().doesNotContain(ClientHellos.COMPRESS_CERTIFICATE);
    }

    /** A handshake of the JDK's own TLS, which the server at {@code port} ends after the ClientHello. */
    private static void javaHandshake(int port) {
        try (SSLSocket socket = (SSLSocket) PinnedTls.trusting(hello.tlsPin()).getSocketFactory()
                .createSocket("127.0.0.1", port)) {
            socket.startHandshake();
        } catch (IOException expected) {
            // the listener closes the connection once it has the ClientHello
        }
    }

    /** The first flight of a BoringSSL client built with Netty's defaults: its ClientHello. */
    private static byte[] nettyDefaultClientHello() throws SSLException {
        SslContext context = SslContextBuilder.forClient().sslProvider(SslProvider.OPENSSL)
                .trustManager(PinnedTls.trustManager(hello.tlsPin())).build();
        SSLEngine engine = context.newEngine(ByteBufAllocator.DEFAULT, "127.0.0.1", 16770);
        try {
            engine.beginHandshake();
            ByteBuffer flight = ByteBuffer.allocate(64 * 1024);
            engine.wrap(ByteBuffer.allocate(0), flight);
            flight.flip();
            byte[] bytes = new byte[flight.remaining()];
            flight.get(bytes);
            return bytes;
        } finally {
            ReferenceCountUtil.release(engine);
            ReferenceCountUtil.release(context);
        }
    }

    @Test
    void a_discarded_body_is_still_counted() {
        PhaseMetrics metrics = new PhaseMetrics();
        try (HttpsTransport transport = HttpsTransport.open(endpoint, TransportSettings.defaults())) {
            new ClosedLoopRun(transport, ConnectionMode.REUSE, 1, new FixedWork(REQUEST, BodyMode.DISCARD, -1,
                    Budget.count(3)), metrics).run();
        }
        assertThat(metrics.operations()).isEqualTo(3);
        assertThat(metrics.bytes()).isEqualTo(3L * "{\"product\":\"hello-world\",\"status\":\"ok\",\"ceiling\":true}"
                .length());
    }

    @Test
    void a_port_nobody_listens_on_is_a_refused_connection() {
        Endpoint nobody = new Endpoint("127.0.0.1", FreePorts.next(), hello.tlsPin());
        MetricsSnapshot result = run(nobody, ConnectionMode.FRESH, true, 1, 3);
        assertThat(result.operations()).isZero();
        assertThat(result.errors()).containsEntry(ErrorKind.CONNECT_REFUSED, 3L);
    }

    @Test
    void a_server_with_another_key_than_pinned_is_refused_in_the_handshake() {
        Endpoint impostor = new Endpoint("127.0.0.1", hello.port(),
                new TlsPin("sha256/" + "A".repeat(43)));
        MetricsSnapshot result = run(impostor, ConnectionMode.REUSE, true, 1, 2);
        assertThat(result.operations()).isZero();
        assertThat(result.errors()).containsEntry(ErrorKind.TLS, 2L);
    }

    @Test
    void an_exchange_that_makes_no_progress_times_out() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Endpoint mute = new Endpoint("127.0.0.1", silent.getLocalPort(), hello.tlsPin());
            PhaseMetrics metrics = new PhaseMetrics();
            TransportSettings impatient = TransportSettings.defaults()
                    .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300));
            try (HttpsTransport transport = HttpsTransport.open(mute, impatient)) {
                new ClosedLoopRun(transport, ConnectionMode.FRESH, 1, new FixedWork(REQUEST, BodyMode.KEEP, -1,
                        Budget.count(1)), metrics).run();
            }
            assertThat(metrics.snapshot().errors()).containsEntry(ErrorKind.TIMEOUT, 1L);
        }
    }

    @Test
    void lanes_are_spread_over_several_servers_round_robin() {
        Endpoint other = new Endpoint("127.0.0.1", FreePorts.next(), hello.tlsPin());
        try (HttpsTransport transport = HttpsTransport.open(List.of(endpoint, other), TransportSettings.defaults())) {
            assertThat(List.of(transport.lane(ConnectionMode.FRESH), transport.lane(ConnectionMode.FRESH),
                    transport.lane(ConnectionMode.FRESH))).extracting(Lane::server).containsExactly(0, 1, 0);
        }
    }

    @Test
    void a_lane_whose_server_refuses_the_connection_moves_to_the_next_and_stays_there() {
        Endpoint nobody = new Endpoint("127.0.0.1", FreePorts.next(), hello.tlsPin());
        for (List<Endpoint> fleet : List.of(List.of(nobody, endpoint), List.of(endpoint, nobody))) {
            PhaseMetrics metrics = new PhaseMetrics();
            try (HttpsTransport transport = HttpsTransport.open(fleet,
                    TransportSettings.defaults().withResumption(true, 2))) {
                new ClosedLoopRun(transport, ConnectionMode.FRESH, 2, new FixedWork(REQUEST, BodyMode.KEEP, -1,
                        Budget.count(20)), metrics).run();
            }
            MetricsSnapshot result = metrics.snapshot();
            assertThat(result.operations()).as("servers %s", fleet).isEqualTo(20);
            assertThat(result.errors()).as("servers %s", fleet).isEmpty();
        }
    }

    @Test
    void servers_with_different_pins_are_not_one_fleet() {
        Endpoint foreign = new Endpoint("127.0.0.1", FreePorts.next(), new TlsPin("sha256/" + "A".repeat(43)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HttpsTransport.open(List.of(endpoint, foreign),
                TransportSettings.defaults())).hasMessage("every server of a fleet has the one TLS key pin");
    }

    private static MetricsSnapshot once(HttpsTransport transport) {
        PhaseMetrics metrics = new PhaseMetrics();
        new ClosedLoopRun(transport, ConnectionMode.FRESH, 1, new FixedWork(REQUEST, BodyMode.KEEP, -1, Budget.count(1)),
                metrics).run();
        return metrics.snapshot();
    }

    private static MetricsSnapshot run(Endpoint target, ConnectionMode mode, boolean resume, int lanes, long count) {
        PhaseMetrics metrics = new PhaseMetrics();
        try (HttpsTransport transport = HttpsTransport.open(target,
                TransportSettings.defaults().withResumption(resume, lanes))) {
            new ClosedLoopRun(transport, mode, lanes, new FixedWork(REQUEST, BodyMode.KEEP, -1, Budget.count(count)),
                    metrics).run();
        }
        return metrics.snapshot();
    }
}
