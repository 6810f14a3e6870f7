package dev.primary.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.config.ClientConfigurationFile;
import dev.primary.client.home.ClientHome;
import dev.primary.client.recorder.RecorderSupervisor;
import dev.primary.client.service.EnrollmentToken;
import dev.primary.client.testing.Eventually;
import dev.primary.client.testing.FakePrimaryServer.Response;
import dev.primary.client.testing.LogCapture;
import dev.primary.client.testing.TestInstall;
import dev.primary.client.testing.WithServiceRuntime;
import dev.primary.protocol.message.EnrollmentCheckAnswer;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.RegisterRequest;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Enrollment with the whole Client Service in-process, over real HTTPS: the token on the wire, refusals in the status. */
class EnrollmentRuntimeTest extends WithServiceRuntime {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ServiceRuntime.Options FAST = new ServiceRuntime.Options(Duration.ofMillis(100),
            new RecorderSupervisor.Timing(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(10),
                    Duration.ofMinutes(1)), false);

    @Test
    void token_is_sent_on_register_and_never_logged() throws Exception {
        String token = server.issueToken(new EnrollmentCheckAnswer("k7q2m4xa", "lab PCs", "lab", 5, null));
        String secret = token.substring(token.indexOf('.') + 1);
        TestInstall.install(home, server.configServer());
        ClientConfigurationFile file = ClientConfigurationFile.in(home);
        file.write(file.read().withToken(EnrollmentToken.parse(token)));

        try (LogCapture log = LogCapture.everything()) {
            runtime = ServiceRuntime.start(new ClientHome(home), SIMULATED, FAST);
            Eventually.waitUntil("licensed", WAIT, () -> state().map(state -> state.state().equals("licensed")
                    && state.recorderRunning()).orElse(false));
            runtime.stop();

            assertThat(server.received("/v1/register")).singleElement()
                    .satisfies(request -> assertThat(request.bodyAs(RegisterRequest.class).enrollmentToken())
                            .isEqualTo(token));
            assertThat(server.received()).filteredOn(request -> !request.path().equals("/v1/register"))
                    .allSatisfy(request -> assertThat(new String(request.body())).doesNotContain(secret));
            assertThat(log.allWithThrowables()).isNotEmpty().noneMatch(line -> line.contains(secret));
        }
        assertThat(Files.readString(home.resolve("state.json"))).doesNotContain(secret);
        CliRun json = CliRun.of("status", "--home", home.toString(), "--json");
        CliRun human = CliRun.of("status", "--home", home.toString());
        assertThat(json.out()).doesNotContain(secret).doesNotContain("k7q2m4xa");
        assertThat(human.out()).contains("enrollment:    token k7q2m4xa").doesNotContain(secret);
    }

    @Test
    void a_computer_held_by_another_client_keeps_the_recorder_stopped_and_status_says_why() throws Exception {
        String held = "SIM-0001 is already held by client 3xQ9fz, last contact 2026-11-28T09:58:00Z";
        server.on("/v1/register", request -> Response.problem(ProblemType.COMPUTER_HELD, held));
        TestInstall.install(home, server.configServer());
        runtime = ServiceRuntime.start(new ClientHome(home), SIMULATED, FAST);

        Eventually.waitUntil("refused twice", WAIT, () -> server.received("/v1/register").size() >= 2);

        CliRun status = CliRun.of("status", "--home", home.toString());
        assertThat(status.out()).contains("state:         refused", "recorder:      not running (V 0.0 (0000))",
                "reason:        refused by 127.0.0.1:" + server.port() + ": " + held);
        assertThat(home.resolve("recorder.log")).doesNotExist();
        assertThat(home.resolve("lease.json")).doesNotExist();
    }

    @Test
    void a_registration_without_the_token_the_server_requires_shows_the_refusal() {
        server.issueToken(new EnrollmentCheckAnswer("k7q2m4xa", "", "", null, null));
        TestInstall.install(home, server.configServer());
        runtime = ServiceRuntime.start(new ClientHome(home), SIMULATED, FAST);

        Eventually.waitUntil("refused", WAIT, () -> state().map(state -> state.state().equals("refused")).orElse(false));

        assertThat(state().orElseThrow().reason()).isEqualTo("refused by 127.0.0.1:" + server.port()
                + ": this server enrolls only clients with an enrollment token");
    }
}
