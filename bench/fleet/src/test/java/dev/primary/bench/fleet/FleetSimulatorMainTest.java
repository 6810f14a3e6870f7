package dev.primary.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class FleetSimulatorMainTest {
    @Test
    void version_prints_the_builds_version() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString().strip()).isEqualTo("fleet-simulator " + System.getProperty("primary.expected.version"));
    }

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return FleetSimulatorMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void help_lists_every_scenario_and_the_exit_codes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("cold-start", "steady", "outage-recovery", "update-wave", "hello-ceiling",
                "static-file-ceiling", "suite", "enrollment-cost", "Exit codes:");
    }

    @Test
    void every_option_of_a_scenario_shows_its_default() {
        assertThat(run("outage-recovery", "--help")).isZero();
        assertThat(out.toString()).contains("--retry-interval=DURATION", "Default: 60s", "--max-in-flight=N",
                "Default: 256", "--io-threads=N", "Default: 1", "--jitter=PERCENT|DURATION", "Default: -5%",
                "--no-sessions");
    }

    @Test
    void an_external_server_without_its_pin_is_a_usage_error_in_one_line() {
        assertThat(run("steady", "--server", "127.0.0.1:16770")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo(
                "fleet-simulator: --server needs --pin: clients trust the server by its TLS key pin alone");
    }

    @Test
    void an_external_server_needs_the_token_its_clients_enroll_with_or_open_enrollment() {
        String pin = "sha256/" + "A".repeat(43);
        assertThat(run("steady", "--server", "127.0.0.1:16770", "--pin", pin)).isEqualTo(2);
        assertThat(err.toString()).contains("--enrollment-token TOKEN", "--enrollment open");
        assertThat(run("steady", "--server", "127.0.0.1:16770", "--pin", pin, "--enrollment", "open",
                "--enrollment-token", "k3x9a2mq.secret")).isEqualTo(2);
        assertThat(err.toString()).contains("contradict");
    }

    @Test
    void a_managed_server_makes_its_own_token_so_one_given_is_a_usage_error() {
        assertThat(run("cold-start", "--enrollment-token", "k3x9a2mq.secret")).isEqualTo(2);
        assertThat(err.toString()).contains("--enrollment-token is for an external server");
    }

    @Test
    void outage_recovery_refuses_a_server_it_cannot_restart() {
        assertThat(run("outage-recovery", "--server", "127.0.0.1:16770", "--pin", "sha256/" + "A".repeat(43)))
                .isEqualTo(2);
        assertThat(err.toString()).contains("needs a managed one");
    }

    @Test
    void an_invalid_option_value_says_which_and_where_to_look() {
        assertThat(run("steady", "--connections", "sometimes")).isEqualTo(2);
        assertThat(err.toString()).startsWith("fleet-simulator: ").contains("--connections", "steady --help");
        assertThat(run("outage-recovery", "--jitter", "61s")).isEqualTo(2);
        assertThat(err.toString()).contains("jitter at most the interval");
    }

    @Test
    void a_missing_command_is_a_usage_error() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("missing command");
    }
}
