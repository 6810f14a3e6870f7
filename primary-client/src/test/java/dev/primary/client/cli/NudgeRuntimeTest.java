package dev.primary.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.primary.client.config.ClientConfiguration;
import dev.primary.client.config.ClientConfigurationFile;
import dev.primary.client.config.ConfiguredSettings;
import dev.primary.client.home.ClientHome;
import dev.primary.client.recorder.RecorderSupervisor;
import dev.primary.client.testing.Eventually;
import dev.primary.client.testing.LogCapture;
import dev.primary.client.testing.TestInstall;
import dev.primary.client.testing.WithServiceRuntime;
import dev.primary.client.update.UpdateAgent;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.testkit.FreePorts;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The nudge port of a running Client Service, over real TCP, with {@code --nudge-port} chosen per test. */
class NudgeRuntimeTest extends WithServiceRuntime {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration NUDGE_INTERVAL = Duration.ofSeconds(10);
    private static final ServiceRuntime.Options OPTIONS = new ServiceRuntime.Options(Duration.ofSeconds(5),
            RecorderSupervisor.Timing.DEFAULTS, false, UpdateAgent.Timing.DEFAULTS, NUDGE_INTERVAL);
    /** A rate limit longer than any flood takes, however loaded the machine. */
    private static final ServiceRuntime.Options FLOOD_OPTIONS = new ServiceRuntime.Options(Duration.ofSeconds(5),
            RecorderSupervisor.Timing.DEFAULTS, false, UpdateAgent.Timing.DEFAULTS, Duration.ofHours(1));

    @Test
    void a_nudge_makes_the_client_check_in_within_a_second() throws Exception {
        int port = FreePorts.next();
        startWithNudgePort(port);
        int before = server.verifies().size();

        nudge(port);

        // Bounded by WAIT, not by a second: a loaded machine is slow, and only the nudge brings a check-in before
        // the verify interval.
        Eventually.waitUntil("a check-in after the nudge", WAIT, () -> server.verifies().size() > before);
        assertThat(server.verifies().get(before).nudgePort()).isEqualTo(port);
        assertThat(server.received("/v1/register").get(0).bodyAs(RegisterRequest.class).nudgePort()).isEqualTo(port);
    }

    @Test
    void a_flood_of_100_nudges_yields_a_single_check_in_within_the_rate_limit() throws Exception {
        int port = FreePorts.next();
        startWithNudgePort(port, FLOOD_OPTIONS);
        int before = server.verifies().size();
        try (LogCapture log = LogCapture.everything()) {
            AtomicInteger sent = new AtomicInteger();
            List<Thread> nudgers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Thread nudger = new Thread(() -> {
                    for (int n = 0; n < 25; n++) {
                        nudge(port);
                        sent.incrementAndGet();
                    }
                });
                nudger.start();
                nudgers.add(nudger);
            }
            for (Thread nudger : nudgers) {
                nudger.join(WAIT.toMillis());
            }
            assertThat(sent.get()).isEqualTo(100);
            // The event to wait for is every nudge handled (one admitted, the rest ignored by the rate limit): a
            // pause would be too short on a loaded machine.
            Eventually.waitUntil("all 100 nudges handled", WAIT, () -> log.snapshot().stream()
                    .filter(line -> line.startsWith("Nudged: checking in") || line.startsWith("Nudge ignored"))
                    .count() == 100);
            Eventually.waitUntil("the first nudge's check-in", WAIT, () -> server.verifies().size() > before);

            assertThat(server.verifies()).hasSize(before + 1);
        }
    }

    @Test
    void a_nudge_port_in_use_is_a_warning_and_the_client_runs_and_announces_no_port() throws Exception {
        try (ServerSocket taken = new ServerSocket(0); LogCapture log = new LogCapture()) {
            startWithNudgePort(taken.getLocalPort());

            assertThat(runtime.nudgePort()).isZero();
            assertThat(log.warnings()).anyMatch(warning -> warning.startsWith(
                    "Nudge port " + taken.getLocalPort() + " cannot be opened"));
            assertThat(server.received("/v1/register").get(0).bodyAs(RegisterRequest.class).nudgePort()).isZero();
        }
    }

    @Test
    void a_nudge_from_another_address_of_this_computer_is_dropped_until_the_configuration_trusts_it() throws Exception {
        InetAddress otherAddress = nonLoopbackAddressOrSkip();
        int port = FreePorts.next();
        startWithNudgePort(port);
        int before = server.verifies().size();

        nudgeFrom(otherAddress, port);

        Eventually.waitUntil("the nudge dropped", WAIT, () -> runtime.nudgesDropped() == 1);
        Thread.sleep(1000);
        assertThat(server.verifies()).hasSize(before);

        ClientConfigurationFile file = ClientConfigurationFile.in(home);
        ClientConfiguration configuration = file.read();
        ClientConfiguration.Updates updates = configuration.updates();
        file.write(new ClientConfiguration(configuration.server(), configuration.dataVault(), configuration.computer(),
                configuration.recorder(), configuration.intervals(), new ClientConfiguration.Updates(updates.nudgePort(),
                updates.healthPeriod(), "", List.of(otherAddress.getHostAddress())), configuration.enrollmentToken()));
        Eventually.waitUntil("the changed configuration applied", WAIT, () -> server.verifies().size() > before);
        int afterChange = server.verifies().size();

        nudgeFrom(otherAddress, port);

        Eventually.waitUntil("a check-in after the trusted nudge", WAIT,
                () -> server.verifies().size() > afterChange);
        assertThat(runtime.nudgesDropped()).isEqualTo(1);
    }

    @Test
    void the_nudge_listener_binds_to_the_configured_address_only() throws Exception {
        int port = FreePorts.next();
        TestInstall.install(home, server.configServer(), new ClientConfiguration.Updates(port, "30s", "127.0.0.1",
                List.of()));
        runtime = ServiceRuntime.start(new ClientHome(home), SIMULATED, OPTIONS);
        Eventually.waitUntil("licensed", WAIT, () -> !server.reports().isEmpty());
        int before = server.verifies().size();

        assertThat(runtime.nudgeAddress()).contains(InetAddress.getByName("127.0.0.1"));
        assertThatThrownBy(() -> new Socket(InetAddress.getByName("127.0.0.2"), port).close())
                .isInstanceOf(ConnectException.class);
        nudge(port);

        Eventually.waitUntil("a check-in after the nudge", WAIT, () -> server.verifies().size() > before);
    }

    @Test
    void run_refuses_a_nudge_port_out_of_range_as_a_usage_error() {
        CliRun run = CliRun.of("run", "--home", home.toString(), "--nudge-port", "70000");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--nudge-port must be 0 (no listener) or 1-65535, got 70000");
    }

    private void startWithNudgePort(int port) {
        startWithNudgePort(port, OPTIONS);
    }

    private void startWithNudgePort(int port, ServiceRuntime.Options options) {
        TestInstall.install(home, server.configServer());
        runtime = ServiceRuntime.start(new ClientHome(home),
                new ConfiguredSettings.Overrides("SIM-0001", null, Duration.ofMillis(250), null, port), options);
        Eventually.waitUntil("licensed", WAIT, () -> !server.received("/v1/register").isEmpty()
                && !server.reports().isEmpty());
    }

    private static void nudgeFrom(InetAddress source, int port) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            socket.getOutputStream().write("nudge\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new AssertionError("cannot nudge port " + port + " from " + source, e);
        }
    }

    /** An IPv4 address of this computer that is not a loopback address; the test is skipped when there is none. */
    private static InetAddress nonLoopbackAddressOrSkip() throws IOException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp()) {
                continue;
            }
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    return address;
                }
            }
        }
        assumeTrue(false, "this computer has no IPv4 address besides loopback");
        return null;
    }

    private static void nudge(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write("nudge\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new AssertionError("cannot nudge port " + port, e);
        }
    }
}
