package dev.primary.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientServiceMainTest {
    @TempDir
    Path dir;

    @Test
    void help_lists_the_commands_and_exit_codes() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("run", "status", "repoint", "Exit codes:", "2    usage error",
                "3    run: the home, client.json or client.key could be changed", "4    run: another Client Service is already",
                "75   run: restart requested");
    }

    @Test
    void each_command_has_a_useful_help() {
        assertThat(CliRun.of("run", "--help").out()).contains("--home=DIR", "--computer-name=NAME",
                "--retry-interval=DURATION", "--verify-interval=DURATION", "SIGTERM");
        assertThat(CliRun.of("status", "--help").out()).contains("--home=DIR", "--json");
        assertThat(CliRun.of("repoint", "--help").out()).contains("--server=HOST", "--port=N", "default: 16770",
                "--expect-pin=PIN", "--enrollment-token=TOKEN", "--enrollment-token-file=FILE");
        assertThat(CliRun.of("run", "--help").out()).contains("exit 3", "exit 4", "service.lock", "exits 75",
                "updates.serviceHealthPeriod");
    }

    @Test
    void version_names_the_program_and_its_version() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo(
                "client-service " + System.getProperty("primary.expected.version") + " (protocol 1)");
    }

    @Test
    void usage_errors_exit_2_with_one_line() {
        CliRun missingCommand = CliRun.of();
        CliRun badDuration = CliRun.of("run", "--home", dir.toString(), "--retry-interval", "often");
        CliRun badName = CliRun.of("run", "--home", dir.toString(), "--computer-name", "not a name!");
        CliRun badPort = CliRun.of("run", "--home", dir.toString(), "--nudge-port", "70000");
        CliRun repeated = CliRun.of("run", "--home", dir.toString(), "--home", dir.toString());

        assertThat(missingCommand.exitCode()).isEqualTo(2);
        assertThat(missingCommand.err().strip().lines()).singleElement().asString().contains("a command is required");
        assertThat(badDuration.exitCode()).isEqualTo(2);
        assertThat(badDuration.err().strip().lines()).singleElement().asString().contains("duration must be");
        assertThat(badName.exitCode()).isEqualTo(2);
        assertThat(badName.err()).contains("computer name must be");
        assertThat(badPort.exitCode()).isEqualTo(2);
        assertThat(badPort.err().strip()).isEqualTo("client-service: --nudge-port must be 0 (no listener) or 1-65535, "
                + "got 70000 (see client-service run --help)");
        assertThat(repeated.exitCode()).isEqualTo(2);
        assertThat(repeated.err()).contains("--home", "should be specified only once");
    }

    @Test
    void run_without_an_installed_client_fails_with_one_line() {
        CliRun run = CliRun.of("run", "--home", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("client-service: no Client Service is installed in " + dir
                + " (no client.json)");
    }
}
