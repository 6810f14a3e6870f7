package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.admin.ServerStatus;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.tls.TlsPin;
import dev.primary.server.config.ServerConfiguration;
import dev.primary.server.config.TlsSource;
import dev.primary.server.identity.AdminEndpoint;
import dev.primary.server.identity.DataDirectory;
import dev.primary.server.identity.ServerIdentity;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrimaryServerTest {
    @TempDir
    Path dataDirectory;

    @Test
    void the_admin_endpoint_file_names_the_bound_admin_port_and_the_tls_pin() throws Exception {
        try (RunningServer running = RunningServer.start(dataDirectory)) {
            AdminEndpoint endpoint = AdminEndpoint.readFrom(dataDirectory.resolve("admin-endpoint"));

            assertThat(running.server.adminPort()).isPositive();
            assertThat(endpoint.url()).isEqualTo("https://127.0.0.1:" + running.server.adminPort());
            assertThat(endpoint.tlsPin()).isEqualTo(running.server.tlsPin().value());
            assertThat(running.admin.get("/admin/v1/summary", "Authorization", "Bearer " + running.adminToken())
                    .statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_restart_keeps_the_server_id_the_signing_key_and_the_tls_pin() {
        String serverId;
        PublicKey serverKey;
        TlsPin pin;
        try (RunningServer first = RunningServer.start(dataDirectory)) {
            serverId = first.server.serverId();
            serverKey = first.server.serverKey();
            pin = first.server.tlsPin();
        }
        try (RunningServer second = RunningServer.start(dataDirectory)) {
            assertThat(second.server.serverId()).isEqualTo(serverId);
            assertThat(second.server.serverKey()).isEqualTo(serverKey);
            assertThat(second.server.tlsPin()).isEqualTo(pin);
        }
    }

    @Test
    void a_port_in_use_fails_the_start_with_a_clear_message_and_leaves_nothing_open() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            ServerConfiguration configuration = ServerConfiguration.onFreeLoopbackPorts(dataDirectory).toBuilder()
                    .port(taken.getLocalPort()).build();
            AtomicReference<FakeLicensing> core = new AtomicReference<>();

            assertThatThrownBy(() -> PrimaryServer.start(configuration, Clock.systemUTC(), FakeLicensing.opener(core)))
                    .isInstanceOf(ServerStartException.class)
                    .hasMessage("port " + taken.getLocalPort() + " is already in use on 127.0.0.1");
            assertThat(core.get().closed).isTrue();
        }
    }

    @Test
    void an_admin_port_in_use_names_the_admin_port() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            ServerConfiguration configuration = ServerConfiguration.onFreeLoopbackPorts(dataDirectory).toBuilder()
                    .adminPort(taken.getLocalPort()).build();

            assertThatThrownBy(() -> RunningServer.start(configuration))
                    .hasMessage("admin-port " + taken.getLocalPort() + " is already in use on 127.0.0.1");
        }
    }

    @Test
    void a_failing_core_fails_the_start_with_its_message() {
        assertThatThrownBy(() -> PrimaryServer.start(ServerConfiguration.onFreeLoopbackPorts(dataDirectory),
                Clock.systemUTC(), (settings, key, directory, clock) -> {
                    throw new IllegalStateException("database " + directory + " is locked by another server");
                }))
                .isInstanceOf(ServerStartException.class)
                .hasMessage("database " + dataDirectory + " is locked by another server");
    }

    @Test
    void a_stop_closes_both_ports_and_the_store() throws Exception {
        RunningServer running = RunningServer.start(dataDirectory);
        int clientPort = running.server.clientPort();
        int adminPort = running.server.adminPort();

        running.close();
        running.close();

        assertThat(running.core.closed).isTrue();
        assertThat(canConnect(clientPort)).isFalse();
        assertThat(canConnect(adminPort)).isFalse();
    }

    @Test
    void silent_seats_are_reclaimed_every_interval_by_the_system() throws Exception {
        ServerConfiguration configuration = ServerConfiguration.onFreeLoopbackPorts(dataDirectory).toBuilder()
                .reclaimCheckInterval(Duration.ofMillis(50)).build();
        try (RunningServer running = RunningServer.start(configuration)) {
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (running.core.reclaimRuns.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }

            assertThat(running.core.reclaimRuns.get()).isGreaterThanOrEqualTo(2);
            assertThat(running.core.actions).contains("reclaim by system");
        }
    }

    @Test
    void no_reclaim_runs_when_reclaim_after_is_zero() throws Exception {
        ServerConfiguration configuration = ServerConfiguration.onFreeLoopbackPorts(dataDirectory).toBuilder()
                .reclaimAfter(Duration.ZERO).reclaimCheckInterval(Duration.ofMillis(20)).build();
        try (RunningServer running = RunningServer.start(configuration)) {
            Thread.sleep(200);

            assertThat(running.core.reclaimRuns.get()).isZero();
        }
    }

    @Test
    void the_start_report_names_endpoints_and_pin_and_lists_pending_registrations() {
        ServerIdentity identity = ServerIdentity.openOrCreate(DataDirectory.prepare(dataDirectory),
                new TlsSource.SelfMade(), Clock.systemUTC());
        FakeLicensing core = new FakeLicensing(null, identity.signingKey(), Clock.systemUTC());
        core.addPendingLicense("ACME-42", "ACME-42/ABCD-EFGH-IJKL-MNOP");
        ServerStatus status = new ServerStatus(identity.serverId(), "0.1.0", Instant.EPOCH, "host:16770",
                identity.signingKey().publicKey().encoded(), identity.tls().pin().value(), dataDirectory.toString(),
                "sqlite:" + dataDirectory.resolve("primary.db"));

        PublicKey releaseKey = Ed25519.generate().publicKey();
        String report = StartupReport.describe(identity, status, "https://127.0.0.1:16771", "JDK provider", 0,
                List.of(releaseKey), core);

        assertThat(report)
                .contains("client endpoint   https://host:16770")
                .contains("admin URL         https://127.0.0.1:16771")
                .contains("TLS pin           " + identity.tls().pin().value())
                .contains("server key id     " + identity.signingKey().publicKey().keyId())
                .contains("pending registration: license ACME-42, registration code ACME-42/ABCD-EFGH-IJKL-MNOP")
                .contains("release keys      " + releaseKey.keyId())
                .doesNotContain(identity.adminToken().encoded())
                .doesNotContain(identity.signingKey().encoded());
    }

    private static boolean canConnect(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
