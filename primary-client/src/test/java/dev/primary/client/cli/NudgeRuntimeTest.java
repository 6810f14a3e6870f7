package dev.primary.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The nudge port of a running Client Service, over real TCP, with {@code --nudge-port} chosen per test. */
class NudgeRuntimeTest extends WithServiceRuntime {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ServiceRuntime.Options OPTIONS = new ServiceRuntime.Options(Duration.ofSeconds(5),
            RecorderSupervisor.Timing.DEFAULTS, false, UpdateAgent.Timing.DEFAULTS, Duration.ofSeconds(10));

    @Test
    void a_nudge_makes_the_client_check_in_within_a_second() throws Exception {
        int port = FreePorts.next();
        startWithNudgePort(port);
        int before = server.verifies().size();

        nudge(port);

        Eventually.waitUntil("a check-in after the nudge", Duration.ofSeconds(1), () -> server.verifies().size() > before);
        assertThat(server.verifies().get(before).nudgePort()).isEqualTo(port);
        assertThat(server.received("/v1/register").get(0).bodyAs(RegisterRequest.class).nudgePort()).isEqualTo(port);
    }

    @Test
    void a_flood_of_100_nudges_yields_a_single_check_in_within_the_rate_limit() throws Exception {
        int port = FreePorts.next();
        startWithNudgePort(port);
        int before = server.verifies().size();

        List<Thread> nudgers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread nudger = new Thread(() -> {
                for (int n = 0; n < 25; n++) {
                    nudge(port);
                }
            });
            nudger.start();
            nudgers.add(nudger);
        }
        for (Thread nudger : nudgers) {
            nudger.join(20_000);
        }
        Eventually.waitUntil("the first nudge's check-in", Duration.ofSeconds(2), () -> server.verifies().size() > before);
        Thread.sleep(2000);

        assertThat(server.verifies()).hasSize(before + 1);
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
    void run_refuses_a_nudge_port_out_of_range_as_a_usage_error() {
        CliRun run = CliRun.of("run", "--home", home.toString(), "--nudge-port", "70000");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--nudge-port must be 0 (no listener) or 1-65535, got 70000");
    }

    private void startWithNudgePort(int port) {
        TestInstall.install(home, server.configServer());
        runtime = ServiceRuntime.start(new ClientHome(home),
                new ConfiguredSettings.Overrides("SIM-0001", null, Duration.ofMillis(250), null, port), OPTIONS);
        Eventually.waitUntil("licensed", WAIT, () -> !server.received("/v1/register").isEmpty()
                && !server.reports().isEmpty());
    }

    private static void nudge(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write("nudge\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new AssertionError("cannot nudge port " + port, e);
        }
    }
}
