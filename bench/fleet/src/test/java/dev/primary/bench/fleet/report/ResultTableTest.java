package dev.primary.bench.fleet.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.bench.harness.ScenarioResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultTableTest {
    static final ScenarioResult STEADY = new ScenarioResult("steady", 10_000, true, 64, 200_000, 20.0, 10_000.0,
            new ScenarioResult.Latency(4.2, 17.5, 88.0), Map.of("http-503", 3L),
            new ScenarioResult.ServerUsage(30.0, 150.0, 512L * 1024 * 1024, 500L * 1024 * 1024), 0.5,
            Map.of("variant", "reuse", "simulatorCpuPercentOfOneCore", "45.3"));

    @Test
    void a_result_is_one_fixed_width_line_under_the_header() {
        StringWriter text = new StringWriter();
        ResultTable.print(List.of(STEADY, STEADY), new PrintWriter(text));
        List<String> lines = text.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("scenario").contains("rate", "p99 ms", "errors");
        assertThat(lines.get(1)).startsWith("steady").contains("reuse", "10,000", "200,000", "10,000/s", "4.2",
                "17.5", "88.0", "150%", "512", "45%", "50%", "http-503 3");
        assertThat(lines.get(1).indexOf("10,000/s")).isEqualTo(lines.get(2).indexOf("10,000/s"));
    }

    @Test
    void results_are_written_as_json_named_by_scenario_and_variant_and_never_overwritten(@TempDir Path directory) {
        Path first = ResultFiles.write(directory, STEADY);
        Path second = ResultFiles.write(directory, STEADY);
        assertThat(first.getFileName()).hasToString("steady-reuse.json");
        assertThat(second.getFileName()).hasToString("steady-reuse-2.json");
        assertThat(ScenarioResult.read(first)).isEqualTo(STEADY);
        assertThat(Files.exists(second)).isTrue();
    }

    @Test
    void the_summary_is_a_markdown_table_under_its_header_lines() {
        String markdown = SummaryMarkdown.render(List.of("Run R1 on a test box."), List.of(
                new SummaryRow("verifications | reuse", "≥ 10,000/s", "9,000/s", "40%", "no: 1,000/s short (10%)")));
        assertThat(markdown).contains("Run R1 on a test box.", "| figure | target | measured | of ceiling | met? |",
                "| verifications \\| reuse | ≥ 10,000/s | 9,000/s | 40% | no: 1,000/s short (10%) |");
    }
}
