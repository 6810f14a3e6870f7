package dev.primary.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioResultTest {
    @Test
    void a_result_written_to_a_file_reads_back_equal(@TempDir Path directory) throws Exception {
        ScenarioResult result = new ScenarioResult("steady", 10_000, true, 64, 120_000, 10.5, 11_428.6,
                new ScenarioResult.Latency(2.1, 14.8, 80.2), Map.of("http-503", 3L, "timeout", 1L),
                new ScenarioResult.ServerUsage(12.3, 117.1, 512L << 20, 480L << 20), 0.85,
                Map.of("jvm", "-Xmx1g"));
        Path file = directory.resolve("results/steady.json");

        result.write(file);

        assertThat(ScenarioResult.read(file)).isEqualTo(result);
        assertThat(Files.readString(file)).contains("\"scenario\" : \"steady\"", "\"p99\" : 14.8");
        assertThat(result.totalErrors()).isEqualTo(4);
    }

    @Test
    void a_result_without_ceiling_or_server_leaves_them_out_and_reads_back_null(@TempDir Path directory) {
        ScenarioResult result = new ScenarioResult("hello-ceiling", 0, false, 32, 5_000, 4.0, 1_250,
                new ScenarioResult.Latency(1, 2, 3), Map.of(), null, null, Map.of());
        Path file = directory.resolve("hello.json");

        result.write(file);

        ScenarioResult read = ScenarioResult.read(file);
        assertThat(read.fractionOfCeiling()).isNull();
        assertThat(read.server()).isNull();
        assertThat(read).isEqualTo(result);
    }

    @Test
    void a_result_needs_a_scenario_name() {
        assertThatThrownBy(() -> new ScenarioResult(" ", 0, false, 1, 0, 0, 0, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scenario name");
    }
}
