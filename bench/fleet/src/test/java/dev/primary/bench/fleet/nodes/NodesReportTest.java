package dev.primary.bench.fleet.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primary.bench.harness.ScenarioResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodesReportTest {
    @TempDir
    Path results;

    private static ScenarioResult result(long operations, double seconds, double cpuSeconds) {
        return new ScenarioResult("steady", 1000, true, 64, operations, seconds, operations / seconds,
                new ScenarioResult.Latency(2.5, 9.25, 20), Map.of("timeout", 3L),
                new ScenarioResult.ServerUsage(cpuSeconds, cpuSeconds / seconds * 100, 1, 1), null, Map.of());
    }

    private static Map<String, Long> cpu(long... nanos) {
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (int i = 0; i < nanos.length - 1; i++) {
            cpu.put("server-" + (i + 1), nanos[i]);
        }
        cpu.put("postgresql", nanos[nanos.length - 1]);
        return cpu;
    }

    @Test
    void splits_the_phase_cpu_by_each_process_share_per_operation() {
        // 10,000 check-ins, 6 CPU seconds in the phase; over the scenario the servers used 3 and 2 parts, PostgreSQL 1.
        PhaseFigures figures = PhaseFigures.of(result(10_000, 5, 6), cpu(3_000, 2_000, 1_000));

        assertThat(figures.perSecond()).isEqualTo(2000);
        assertThat(figures.cpuMillisPerOperation().get("server-1")).isCloseTo(0.3, within(1e-9));
        assertThat(figures.cpuMillisPerOperation().get("server-2")).isCloseTo(0.2, within(1e-9));
        assertThat(figures.cpuMillisPerOperation().get("postgresql")).isCloseTo(0.1, within(1e-9));
        assertThat(figures.serverMillisPerOperation()).isCloseTo(0.5, within(1e-9));
        assertThat(figures.errors()).isEqualTo(3);
    }

    @Test
    void a_delta_of_cpu_readings_is_per_process_and_never_negative() {
        assertThat(NodesRun.delta(Map.of("server-1", 100L, "postgresql", 50L), Map.of("server-1", 160L, "postgresql", 40L)))
                .containsEntry("server-1", 60L).containsEntry("postgresql", 0L);
    }

    @Test
    void writes_a_table_row_per_configuration_and_json_that_reads_back() {
        ConfigurationFigures sqlite = new ConfigurationFigures("1 server, SQLite", "sqlite", 1, 1000,
                PhaseFigures.of(result(1000, 4, 2), Map.of("server-1", 10L)),
                PhaseFigures.of(result(10_000, 5, 3), Map.of("server-1", 10L)));
        ConfigurationFigures two = new ConfigurationFigures("2 servers, PostgreSQL", "postgresql", 2, 1000,
                PhaseFigures.of(result(1000, 2, 4), cpu(1, 1, 2)),
                PhaseFigures.of(result(20_000, 5, 10), cpu(2, 2, 1)));
        NodesReport report = new NodesReport(List.of("a smoke run"), List.of(sqlite, two), 0);

        Path markdown = report.write(results);

        assertThat(report.markdown()).startsWith("- a smoke run\n")
                .contains("| 1 server, SQLite | 250 | 2.5 / 9.3 | 2.00 | - | 2,000 | 2.5 / 9.3 | 0.30 | - | 6 |")
                .contains("| 2 servers, PostgreSQL | 500 | 2.5 / 9.3 | 2.00 (1.00 + 1.00) | 2.00 | 4,000 | 2.5 / 9.3 "
                        + "| 0.40 (0.20 + 0.20) | 0.10 | 6 |");
        assertThat(markdown).hasFileName("nodes.md");
        assertThat(NodesReport.read(results.resolve("nodes.json"))).isEqualTo(report);
    }
}
