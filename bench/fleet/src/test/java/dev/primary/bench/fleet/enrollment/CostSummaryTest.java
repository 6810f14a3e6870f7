package dev.primary.bench.fleet.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primary.bench.fleet.enrollment.EnrollmentCost.Measurement;
import dev.primary.bench.fleet.enrollment.EnrollmentCost.Variant;
import dev.primary.bench.fleet.scenario.EnrollmentMode;
import dev.primary.bench.harness.ScenarioResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostSummaryTest {
    @Test
    void the_ratio_is_of_the_medians_and_the_paired_ratio_the_median_of_each_passes_own() {
        List<Measurement> measured = List.of(
                measurement(Variant.REUSE, EnrollmentMode.TOKEN, 1, 900, 1_000),
                measurement(Variant.REUSE, EnrollmentMode.OPEN, 1, 1_000, 1_000),
                measurement(Variant.REUSE, EnrollmentMode.OPEN, 2, 600, 1_000),
                measurement(Variant.REUSE, EnrollmentMode.TOKEN, 2, 570, 1_000),
                measurement(Variant.REUSE, EnrollmentMode.TOKEN, 3, 760, 1_000),
                measurement(Variant.REUSE, EnrollmentMode.OPEN, 3, 800, 1_000));

        CostSummary.Row row = CostSummary.rows(measured).get(0);

        assertThat(row.tokenRates()).containsExactly(900.0, 570.0, 760.0);
        assertThat(row.tokenMedian()).isEqualTo(760);
        assertThat(row.openMedian()).isEqualTo(800);
        assertThat(row.ratio()).isCloseTo(0.95, within(1e-9));
        assertThat(row.pairedRatio()).isCloseTo(0.95, within(1e-9)); // 0.90, 0.95, 0.95
        assertThat(row.withinAllowance()).isTrue();
        assertThat(row.tokenCpuMicros()).isCloseTo(1_000, within(1e-6));
    }

    @Test
    void a_token_rate_more_than_ten_per_cent_below_open_is_outside_the_allowance_and_the_table_says_so() {
        List<Measurement> measured = List.of(
                measurement(Variant.FRESH_FULL, EnrollmentMode.TOKEN, 1, 300, 2_500),
                measurement(Variant.FRESH_FULL, EnrollmentMode.OPEN, 1, 400, 2_000));

        List<CostSummary.Row> rows = CostSummary.rows(measured);
        List<String> table = CostSummary.table(rows);

        assertThat(rows).singleElement().satisfies(row -> assertThat(row.withinAllowance()).isFalse());
        assertThat(table).hasSize(3);
        assertThat(table.get(2)).startsWith("| fresh-full | 300 | 400 | 300/s | 400/s | 0.750 | 0.750 |")
                .contains("2500 / 2000 µs", "**no**");
    }

    @Test
    void the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assertThat(CostSummary.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(CostSummary.median(List.of())).isZero();
    }

    private static Measurement measurement(Variant variant, EnrollmentMode mode, int pass, double perSecond,
            double cpuMicrosPerRegistration) {
        long operations = Math.round(perSecond * 10);
        ScenarioResult result = new ScenarioResult("cold-start", (int) operations, variant == Variant.REUSE, 64,
                operations, 10, perSecond, new ScenarioResult.Latency(20, 100, 200), Map.of(),
                new ScenarioResult.ServerUsage(cpuMicrosPerRegistration * operations / 1e6, 100, 1, 1), null,
                Map.of());
        return new Measurement(variant, mode, pass, result);
    }
}
