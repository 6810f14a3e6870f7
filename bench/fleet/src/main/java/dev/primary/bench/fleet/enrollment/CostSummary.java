package dev.primary.bench.fleet.enrollment;

import dev.primary.bench.fleet.enrollment.EnrollmentCost.Measurement;
import dev.primary.bench.fleet.enrollment.EnrollmentCost.Variant;
import dev.primary.bench.fleet.scenario.EnrollmentMode;
import dev.primary.bench.harness.ScenarioResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The medians and ratios of an {@link EnrollmentCost} run, per variant: registrations per second with a token
 * against without one, the ratio of the medians and the median of the per-pass ratios (each pass's two figures were
 * measured back to back), p99 latency and the server's CPU per registration.
 */
public final class CostSummary {
    /** What the issue allows: registrations with a token at no less than 90 % of the rate without one. */
    public static final double ALLOWED_RATIO = 0.90;

    private CostSummary() {}

    /**
     * One variant's comparison.
     *
     * @param tokenRates registrations per second with a token, pass by pass
     * @param openRates registrations per second with open enrollment, pass by pass
     * @param ratio the token median divided by the open median
     * @param pairedRatio the median of each pass's token rate divided by its open rate
     * @param tokenCpuMicros the server's CPU time per registration with a token (median of the passes), in µs
     * @param openCpuMicros the same with open enrollment
     * @param errors failed registrations of both servers, all passes
     */
    public record Row(Variant variant, List<Double> tokenRates, List<Double> openRates, double ratio,
            double pairedRatio, double tokenP99Millis, double openP99Millis, double tokenCpuMicros,
            double openCpuMicros, long errors) {
        public Row {
            tokenRates = List.copyOf(tokenRates);
            openRates = List.copyOf(openRates);
        }

        public double tokenMedian() {
            return median(tokenRates);
        }

        public double openMedian() {
            return median(openRates);
        }

        /** Whether the token's median rate is within the 10 % the issue allows. */
        public boolean withinAllowance() {
            return ratio >= ALLOWED_RATIO;
        }
    }

    /** A row per variant measured, in the order of {@link Variant}. */
    public static List<Row> rows(List<Measurement> measurements) {
        Map<Variant, List<Measurement>> byVariant = measurements.stream()
                .collect(Collectors.groupingBy(Measurement::variant));
        List<Row> rows = new ArrayList<>();
        for (Variant variant : Variant.values()) {
            List<Measurement> of = byVariant.getOrDefault(variant, List.of());
            List<Measurement> token = of(of, EnrollmentMode.TOKEN);
            List<Measurement> open = of(of, EnrollmentMode.OPEN);
            if (token.isEmpty() || open.isEmpty()) {
                continue;
            }
            List<Double> paired = new ArrayList<>();
            for (Measurement withToken : token) {
                open.stream().filter(without -> without.pass() == withToken.pass()).findFirst()
                        .filter(without -> without.result().perSecond() > 0)
                        .ifPresent(without -> paired.add(withToken.result().perSecond() / without.result().perSecond()));
            }
            double openMedian = median(values(open, result -> result.perSecond()));
            rows.add(new Row(variant, values(token, ScenarioResult::perSecond), values(open, ScenarioResult::perSecond),
                    openMedian > 0 ? median(values(token, ScenarioResult::perSecond)) / openMedian : 0,
                    paired.isEmpty() ? 0 : median(paired),
                    median(values(token, result -> result.latencyMillis().p99())),
                    median(values(open, result -> result.latencyMillis().p99())),
                    median(values(token, CostSummary::cpuMicrosPerOperation)),
                    median(values(open, CostSummary::cpuMicrosPerOperation)),
                    of.stream().mapToLong(m -> m.result().errors().values().stream().mapToLong(Long::longValue).sum())
                            .sum()));
        }
        return rows;
    }

    /** The rows as a Markdown table, for the terminal and for {@code enrollment-cost.md}. */
    public static List<String> table(List<Row> rows) {
        List<String> lines = new ArrayList<>();
        lines.add("| registrations | token, per pass | open, per pass | median token | median open | token / open "
                + "(of medians) | median of per-pass ratios | p99 token / open | server CPU per registration, "
                + "token / open | errors | within 10 %? |");
        lines.add("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Row row : rows) {
            lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %,.0f/s | %,.0f/s | %.3f | %.3f | %.0f / %.0f ms "
                    + "| %.0f / %.0f µs | %d | %s |", row.variant().label(), rates(row.tokenRates()),
                    rates(row.openRates()), row.tokenMedian(), row.openMedian(), row.ratio(), row.pairedRatio(),
                    row.tokenP99Millis(), row.openP99Millis(), row.tokenCpuMicros(), row.openCpuMicros(),
                    row.errors(), row.withinAllowance() ? "yes" : "**no**"));
        }
        return lines;
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static List<Measurement> of(List<Measurement> measurements, EnrollmentMode mode) {
        return measurements.stream().filter(m -> m.mode() == mode).sorted(Comparator.comparingInt(Measurement::pass))
                .toList();
    }

    private static List<Double> values(List<Measurement> measurements, ToDoubleFunction<ScenarioResult> figure) {
        return measurements.stream().map(m -> figure.applyAsDouble(m.result())).toList();
    }

    private static double cpuMicrosPerOperation(ScenarioResult result) {
        return Optional.ofNullable(result.server()).filter(server -> result.operations() > 0)
                .map(server -> server.cpuSeconds() * 1e6 / result.operations()).orElse(0.0);
    }

    private static String rates(List<Double> rates) {
        return rates.stream().map(rate -> String.format(Locale.ROOT, "%,.0f", rate)).collect(Collectors.joining(", "));
    }
}
