package dev.primary.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class NodesCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    int run(String... args) {
        return FleetSimulatorMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void help_names_the_configurations_and_the_defaults() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("nodes");
        assertThat(run("nodes", "--help")).isZero();
        assertThat(out.toString()).contains("Default: sqlite,postgresql:1,", "postgresql:2,postgresql:3",
                "Default: 5000", "Default: 30s", "nodes.json and nodes.md", "--check-in-keys");
    }

    @Test
    void an_unknown_configuration_is_a_usage_error_in_one_line() {
        assertThat(run("nodes", "--results", "unused", "--configurations", "sqlite,mysql")).isEqualTo(2);
        assertThat(err.toString().strip())
                .isEqualTo("fleet-simulator: a configuration is sqlite, postgresql or postgresql:N, got 'mysql'");
    }

    @Test
    void too_many_servers_and_no_clients_are_refused_before_anything_starts() {
        assertThat(run("nodes", "--results", "unused", "--configurations", "postgresql:10")).isEqualTo(2);
        assertThat(err.toString()).contains("servers must be 1 to 9");
        assertThat(run("nodes", "--results", "unused", "--clients", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("clients must be at least 1");
    }
}
