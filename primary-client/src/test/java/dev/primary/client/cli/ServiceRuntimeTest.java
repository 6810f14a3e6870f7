package dev.primary.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.home.ClientHome;
import dev.primary.client.recorder.RecorderSupervisor;
import dev.primary.client.testing.Eventually;
import dev.primary.client.testing.FakePrimaryServer;
import dev.primary.client.testing.TestInstall;
import dev.primary.client.testing.WithServiceRuntime;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.ReportRequest;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole Client Service in-process: real files, real HTTPS to a fake server, the Sample Recorder as a real process. */
class ServiceRuntimeTest extends WithServiceRuntime {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ServiceRuntime.Options FAST = new ServiceRuntime.Options(Duration.ofMillis(100),
            new RecorderSupervisor.Timing(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(10),
                    Duration.ofMinutes(1)), false);

    @Test
    void run_registers_starts_the_recorder_reports_it_and_stops_it_cleanly() throws Exception {
        TestInstall.install(home, server.configServer());
        runtime = ServiceRuntime.start(new ClientHome(home), SIMULATED, FAST);

        Eventually.waitUntil("a report", WAIT, () -> !server.received("/v1/report").isEmpty());
        Eventually.waitUntil("recording", WAIT, () -> lines("recorder.log").size() >= 2);

        RegisterRequest register = server.received("/v1/register").get(0).bodyAs(RegisterRequest.class);
        assertThat(register.computer().display()).isEqualTo("CORP\\SIM-0001");
        ReportRequest report = server.received("/v1/report").get(0).bodyAs(ReportRequest.class);
        assertThat(report.recorderVersion()).isEqualTo(TestInstall.RECORDER_VERSION);
        assertThat(state()).get().satisfies(state -> {
            assertThat(state.state()).isEqualTo("licensed");
            assertThat(state.recorderRunning()).isTrue();
        });
        assertThat(Files.getPosixFilePermissions(home.resolve("client.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        runtime.stop();

        List<String> recorded = lines("recorder.log");
        assertThat(recorded.get(recorded.size() - 1)).endsWith(" stopped");
        assertThat(state()).get().satisfies(state -> {
            assertThat(state.recorderRunning()).isFalse();
            assertThat(state.nextContact()).isNull();
            assertThat(state.reason()).endsWith("the Client Service is stopped");
        });
    }

    @Test
    void a_running_service_follows_a_repoint_to_another_server_at_once() throws Exception {
        TestInstall.install(home, server.configServer());
        runtime = ServiceRuntime.start(new ClientHome(home), SIMULATED, FAST);
        Eventually.waitUntil("licensed by the first server", WAIT,
                () -> state().map(state -> state.state().equals("licensed") && state.recorderRunning()).orElse(false));

        try (FakePrimaryServer newServer = FakePrimaryServer.start()) {
            CliRun repoint = CliRun.of("repoint", "--home", home.toString(), "--server", "127.0.0.1",
                    "--port", Integer.toString(newServer.port()));
            assertThat(repoint.exitCode()).as(repoint.err()).isZero();

            Eventually.waitUntil("registered with the new server", Duration.ofSeconds(10),
                    () -> !newServer.received("/v1/register").isEmpty());
            Eventually.waitUntil("licensed by the new server", WAIT, () -> state()
                    .map(state -> state.server().equals("127.0.0.1:" + newServer.port())
                            && state.state().equals("licensed") && state.recorderRunning())
                    .orElse(false));
        }
    }

    @Test
    void an_unreachable_server_is_retried_at_the_retry_interval_and_the_recorder_does_not_run() throws Exception {
        var configServer = server.configServer();
        server.close();
        TestInstall.install(home, configServer);
        runtime = ServiceRuntime.start(new ClientHome(home), SIMULATED, FAST);

        // Waits for a failed attempt itself, not for a pause that a loaded machine may not fill.
        Eventually.waitUntil("a failed attempt in the state file", WAIT, () -> state()
                .map(state -> state.reason().endsWith(": connection refused")).orElse(false));

        assertThat(state()).get().satisfies(state -> {
            assertThat(state.state()).isEqualTo("unlicensed");
            assertThat(state.reason()).startsWith("cannot reach 127.0.0.1:" + configServer.port() + " since ")
                    .endsWith(": connection refused");
            assertThat(state.recorderRunning()).isFalse();
            assertThat(state.lastSequence()).isPositive();
        });
        assertThat(home.resolve("recorder.log")).doesNotExist();
    }

    @Test
    void second_service_on_the_same_home_exits_at_once() throws Exception {
        TestInstall.install(home, server.configServer());
        runtime = ServiceRuntime.start(new ClientHome(home), SIMULATED, FAST);
        Eventually.waitUntil("licensed", WAIT, () -> state().map(state -> state.state().equals("licensed")).orElse(false));
        int registers = server.received("/v1/register").size();

        long start = System.nanoTime();
        CliRun second = CliRun.of("run", "--home", home.toString(), "--retry-interval", "250ms");

        // A minute bounds a failure (a second service that waits for the lock); at once is seconds even when loaded.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));
        assertThat(second.exitCode()).isEqualTo(4);
        assertThat(second.err().strip()).isEqualTo("client-service: another Client Service (pid "
                + ProcessHandle.current().pid() + ") is already running on " + home
                + "; stop it first, or give each service its own --home");
        assertThat(server.received("/v1/register")).hasSize(registers);
        CliRun status = CliRun.of("status", "--home", home.toString());
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("state:         licensed");
    }

    @Test
    void a_stopped_service_releases_the_home_for_the_next_one() throws Exception {
        TestInstall.install(home, server.configServer());
        runtime = ServiceRuntime.start(new ClientHome(home), SIMULATED, FAST);
        runtime.stop();

        runtime = ServiceRuntime.start(new ClientHome(home), SIMULATED, FAST);

        Eventually.waitUntil("licensed again", WAIT, () -> state().map(state -> state.state().equals("licensed")
                && state.nextContact() != null).orElse(false));
    }

    @Test
    void home_writable_by_others_is_refused_with_the_fix_and_nothing_is_written() throws Exception {
        TestInstall.install(home, server.configServer());
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));

        CliRun run = CliRun.of("run", "--home", home.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip().lines()).singleElement().asString()
                .isEqualTo("client-service: " + home.toRealPath() + " is writable by group and others, so users of "
                        + "this computer could replace what the Client Service trusts; fix with: chmod go-w "
                        + home.toRealPath());
        try (var files = Files.list(home)) {
            assertThat(files).extracting(path -> path.getFileName().toString()).containsExactly("client.json");
        }
        assertThat(server.received()).isEmpty();
    }

    @Test
    void a_client_json_others_may_change_is_refused_with_the_fix() throws Exception {
        TestInstall.install(home, server.configServer());
        Files.setPosixFilePermissions(home.resolve("client.json"), PosixFilePermissions.fromString("rw-rw-rw-"));

        CliRun run = CliRun.of("run", "--home", home.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains(home.resolve("client.json") + " is writable by group and others")
                .contains("chmod go-w " + home.resolve("client.json"));
    }

    private List<String> lines(String file) {
        return lines(home.resolve(file));
    }
}
