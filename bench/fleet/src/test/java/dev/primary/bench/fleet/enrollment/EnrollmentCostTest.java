package dev.primary.bench.fleet.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.bench.fleet.FleetSimulatorMain;
import dev.primary.bench.harness.ScenarioResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny comparison through the command line against two real servers: one that needs a token (the clients send the
 * one the simulator made) and one with open enrollment (they send none). Every registration of both succeeds and
 * the summary has a row per variant. A check of the plumbing, not a benchmark.
 */
class EnrollmentCostTest {
    @TempDir
    Path results;

    @Test
    void both_servers_register_every_client_and_the_summary_compares_them() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exitCode = FleetSimulatorMain.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "enrollment-cost", "--passes", "1", "--clients", "24", "--fresh-clients", "8", "--warmup-clients", "8",
                "--concurrency", "8", "--fresh-concurrency", "4", "--server-jvm-option=-Xmx256m",
                "--results", results.toString());

        assertThat(exitCode).as(err.toString()).isZero();
        List<ScenarioResult> phases;
        try (Stream<Path> files = Files.list(results)) {
            phases = files.filter(file -> file.toString().endsWith(".json")).map(ScenarioResult::read).toList();
        }
        assertThat(phases).extracting(result -> result.notes().get("variant")).containsExactlyInAnyOrder(
                "reuse-token", "reuse-open", "fresh-full-token", "fresh-full-open");
        assertThat(phases).allSatisfy(result -> {
            assertThat(result.errors()).isEmpty();
            assertThat(result.operations()).isEqualTo(result.connectionReuse() ? 24 : 8);
        });
        assertThat(phases).filteredOn(result -> result.notes().get("variant").endsWith("-open"))
                .allSatisfy(result -> assertThat(result.notes().get("enrollment")).isEqualTo("no token sent"));
        String summary = Files.readString(results.resolve("enrollment-cost.md"));
        assertThat(summary).contains("| reuse | ", "| fresh-full | ", "open enrollment", "clients enroll with a token");
        assertThat(out.toString()).contains("token / open");
    }
}
