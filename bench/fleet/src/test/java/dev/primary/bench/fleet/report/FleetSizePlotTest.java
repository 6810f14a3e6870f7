package dev.primary.bench.fleet.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.bench.harness.ScenarioResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetSizePlotTest {
    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void results_at_several_fleet_sizes_become_a_png(@TempDir Path directory) throws IOException {
        Path png = FleetSizePlot.draw(List.of(steady(1_000, 9_000), steady(100_000, 8_000), steady(10_000, 8_500),
                other()), "steady", "reuse", directory.resolve("fleet.png"));
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(1_000);
        assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    @Test
    void one_fleet_size_is_not_enough_for_a_plot(@TempDir Path directory) {
        assertThatThrownBy(() -> FleetSizePlot.draw(List.of(steady(1_000, 9_000)), "steady", null,
                directory.resolve("x.png"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two fleet sizes");
    }

    static ScenarioResult steady(int fleet, double perSecond) {
        return new ScenarioResult("steady", fleet, true, 64, 1_000, 1, perSecond, new ScenarioResult.Latency(4, 12,
                30), Map.of(), null, null, Map.of("variant", "reuse"));
    }

    static ScenarioResult other() {
        return new ScenarioResult("cold-start", 5_000, true, 64, 1_000, 1, 5_000, new ScenarioResult.Latency(4, 12,
                30), Map.of(), null, null, Map.of("variant", "reuse"));
    }
}
