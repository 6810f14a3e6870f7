package dev.primary.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.admin.LicenseSummary;
import dev.primary.protocol.admin.TrafficCounters;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.EnrollmentCheck;
import dev.primary.protocol.message.EnrollmentCheckAnswer;
import dev.primary.protocol.tls.PinnedTls;
import dev.primary.protocol.tls.TlsPin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedServerTest {
    /** Quick to start; benchmarks pass their own options. */
    static final List<String> QUICK_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    @TempDir
    static Path sharedWork;
    private static ManagedServer shared;

    @BeforeAll
    static void startShared() {
        List<String> jvm = List.of("-Xmx200m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dbench.marker=42");
        shared = new ManagedServer(sharedWork, jvm, List.of("--waiting-retry-after", "7s")).start();
    }

    @AfterAll
    static void closeShared() {
        shared.close();
    }

    @Test
    void the_server_jvm_gets_the_options_and_arguments_given_and_its_usage_can_be_read() throws Exception {
        String commandLine = Files.readString(Path.of("/proc", Long.toString(shared.pid()), "cmdline"))
                .replace('\0', ' ');

        assertThat(commandLine).contains("-Xmx200m", "-Dbench.marker=42", "--port " + shared.clientPort(),
                "--admin-port " + shared.adminPort(), "--data-dir " + shared.dataDirectory(),
                "--waiting-retry-after 7s", "--registration-burst 1000000 --registration-rate 100000");
        ProcessUsage usage = shared.usage();
        assertThat(usage.cpu()).isPositive();
        assertThat(usage.residentBytes()).isGreaterThan(20L * 1024 * 1024);
        assertThat(Files.size(shared.log())).isPositive();
    }

    @Test
    void counters_show_what_the_client_port_answered() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(PinnedTls.trusting(shared.tlsPin())).build();
        HttpResponse<String> unsigned = client.send(HttpRequest.newBuilder(
                URI.create("https://" + shared.host() + ":" + shared.clientPort() + "/v1/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(unsigned.statusCode()).isBetween(400, 499);
        assertThat(shared.counters()).isEqualTo(new TrafficCounters(0, 0, 0, 0, 0, 1));
    }

    @Test
    void a_registration_limit_the_arguments_set_is_the_one_the_server_gets() {
        assertThat(ManagedServer.withRegistrationLimit(List.of("--registration-rate=5", "--worker-threads", "8")))
                .containsExactly("--registration-burst", "1000000", "--max-connections-per-source", "1000000",
                        "--registration-rate=5", "--worker-threads", "8");
        assertThat(ManagedServer.withRegistrationLimit(List.of("--registration-burst", "9", "--registration-rate", "3",
                "--max-connections-per-source", "7")))
                .containsExactly("--registration-burst", "9", "--registration-rate", "3", "--max-connections-per-source", "7");
    }

    @Test
    void an_enrollment_token_made_over_the_admin_api_is_one_the_client_port_accepts() throws Exception {
        String token = shared.createEnrollmentToken("bench test");

        HttpClient client = HttpClient.newBuilder().sslContext(PinnedTls.trusting(shared.tlsPin())).build();
        HttpResponse<byte[]> check = client.send(HttpRequest.newBuilder(
                URI.create("https://" + shared.host() + ":" + shared.clientPort() + "/v1/enrollment/check"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(new EnrollmentCheck(token)))).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(token).matches("[a-z2-7]{8}\\.[A-Za-z0-9_-]{43}");
        assertThat(check.statusCode()).isEqualTo(200);
        EnrollmentCheckAnswer answer = Json.read(check.body(), EnrollmentCheckAnswer.class);
        assertThat(answer.tokenId()).isEqualTo(token.substring(0, 8));
        assertThat(answer.label()).isEqualTo("bench test");
    }

    @Test
    void a_failing_admin_command_says_which_command_failed() {
        assertThatThrownBy(() -> shared.admin("license", "code", "NO-SUCH-LICENSE"))
                .isInstanceOf(CommandFailedException.class)
                .hasMessageStartingWith("primary-admin license code NO-SUCH-LICENSE failed with exit code");
    }

    @Test
    void a_licensed_server_keeps_its_license_and_tls_key_across_a_stop_and_a_kill_on_the_same_ports(
            @TempDir Path work) {
        try (ManagedServer server = new ManagedServer(work, QUICK_JVM, List.of())) {
            server.start();
            TlsPin pin = server.tlsPin();
            long firstPid = server.pid();
            server.license("BENCH-1", 25);
            assertThat(server.summary()).isEqualTo(new LicenseSummary(25, 0, 0, 0, 0));

            server.stop();
            assertThat(server.isRunning()).isFalse();
            server.start();
            long secondPid = server.pid();
            server.kill();
            assertThat(server.isRunning()).isFalse();
            server.start();

            assertThat(server.isRunning()).isTrue();
            assertThat(List.of(firstPid, secondPid)).doesNotContain(server.pid());
            assertThat(server.tlsPin()).isEqualTo(pin);
            assertThat(server.summary().licenses()).isEqualTo(25);
            assertThat(server.computers().total()).isZero();
        }
    }
}
