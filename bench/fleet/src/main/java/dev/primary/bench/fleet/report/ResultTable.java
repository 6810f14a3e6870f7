package dev.primary.bench.fleet.report;

import dev.primary.bench.fleet.scenario.ResultBuilder;
import dev.primary.bench.harness.ScenarioResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Scenario results as a fixed-width table, one line per result, for the terminal. */
public final class ResultTable {
    private static final String FORMAT = "%-20s %-14s %9s %5s %11s %7s %14s %8s %8s %8s %7s %7s %5s %6s  %s%n";

    private ResultTable() {}

    public static void print(List<ScenarioResult> results, PrintWriter out) {
        out.printf(Locale.ROOT, FORMAT, "scenario", "variant", "fleet", "conc", "ops", "secs", "rate", "p50 ms",
                "p99 ms", "max ms", "srv cpu", "srv MiB", "sim", "ceil", "errors");
        for (ScenarioResult result : results) {
            out.printf(Locale.ROOT, FORMAT, result.scenario(), result.notes().getOrDefault(ResultBuilder.VARIANT, ""),
                    Figures.count(result.fleetSize()), result.concurrency(), Figures.count(result.operations()),
                    Figures.seconds(result.seconds()), Figures.rate(result.perSecond(), bytes(result)),
                    Figures.millis(result.latencyMillis().p50()), Figures.millis(result.latencyMillis().p99()),
                    Figures.millis(result.latencyMillis().max()),
                    result.server() == null ? "-" : String.format(Locale.ROOT, "%.0f%%",
                            result.server().cpuPercentOfOneCore()),
                    result.server() == null ? "-" : Figures.mebibytes(result.server().peakResidentBytes()),
                    result.notes().getOrDefault("simulatorCpuPercentOfOneCore", "-").replaceAll("\\.\\d$", "") + "%",
                    result.fractionOfCeiling() == null ? "-" : Figures.percent(result.fractionOfCeiling()),
                    errors(result));
        }
        out.flush();
    }

    static boolean bytes(ScenarioResult result) {
        return "bytes per second".equals(result.notes().get("figure"));
    }

    static String errors(ScenarioResult result) {
        if (result.errors().isEmpty()) {
            return "none";
        }
        return result.errors().entrySet().stream().map(entry -> entry.getKey() + " " + Figures.count(entry.getValue()))
                .collect(Collectors.joining(", "));
    }
}
