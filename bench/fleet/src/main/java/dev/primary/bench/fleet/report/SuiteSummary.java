package dev.primary.bench.fleet.report;

import dev.primary.bench.fleet.report.SuiteResults.Role;
import dev.primary.bench.harness.ScenarioResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Judges a suite's results against the targets: one {@link SummaryRow} per figure, saying by how much a
 * target was missed.
 */
public final class SuiteSummary {
    static final double REGISTRATIONS_PER_SECOND = 5_000;
    static final double REGISTRATION_P99_MILLIS = 100;
    static final double VERIFICATIONS_PER_SECOND = 10_000;
    static final double FRACTION_OF_CEILING = 0.8;
    static final double OUTAGE_SECONDS = 60;
    static final long FLAT_MEMORY_BYTES = 64L * 1024 * 1024;
    static final long LARGE_FLEET_RESIDENT_BYTES = 1024L * 1024 * 1024;
    static final double FIRST_PAGE_MILLIS = 100;
    static final long CLIENT_IDLE_RESIDENT_BYTES = 64L * 1000 * 1000;
    /** Idle "≈ 0": under a tenth of a percent of one core (0.06 s of CPU a minute). */
    static final double CLIENT_IDLE_CPU_PERCENT = 0.1;

    private SuiteSummary() {}

    public static List<SummaryRow> rows(SuiteResults results) {
        List<SummaryRow> rows = new ArrayList<>();
        results.get(Role.REGISTER_REUSE).ifPresent(result -> rows.add(registrations(result)));
        results.get(Role.VERIFY_REUSE).ifPresent(result -> rows.add(atLeast("verifications, connection reuse",
                result, VERIFICATIONS_PER_SECOND)));
        results.get(Role.REGISTER_FRESH_FULL).ifPresent(result -> rows.add(ofCeiling(
                "registrations, fresh connection each (full handshake)", result, "hello fresh-full")));
        results.get(Role.VERIFY_FRESH_RESUMED).ifPresent(result -> rows.add(ofCeiling(
                "check-ins, fresh connection each (resumed handshake)", result, "hello fresh-resumed")));
        results.get(Role.VERIFY_FRESH_FULL).ifPresent(result -> rows.add(ofCeiling(
                "check-ins, fresh connection each (full handshake)", result, "hello fresh-full")));
        results.get(Role.OUTAGE_RECOVERY).ifPresent(result -> rows.add(outage(result)));
        results.get(Role.UPDATE_WAVE).ifPresent(result -> rows.add(updateWave(result)));
        results.get(Role.LARGE_FLEET).ifPresent(result -> rows.add(largeFleet(result)));
        results.get(Role.CLIENT_IDLE).ifPresent(result -> rows.add(clientIdle(result)));
        ceiling(results.get(Role.HELLO_FRESH_FULL), "ceiling: hello-world, fresh connection, full handshake", rows);
        ceiling(results.get(Role.HELLO_FRESH_RESUMED), "ceiling: hello-world, fresh connection, resumed", rows);
        ceiling(results.get(Role.HELLO_REUSE), "ceiling: hello-world, connection reuse", rows);
        ceiling(results.get(Role.STATIC_FILE), "ceiling: static-file server, same downloads", rows);
        return rows;
    }

    static SummaryRow registrations(ScenarioResult result) {
        double rate = result.perSecond();
        double p99 = result.latencyMillis().p99();
        List<String> misses = new ArrayList<>();
        if (rate < REGISTRATIONS_PER_SECOND) {
            misses.add(shortBy(rate, REGISTRATIONS_PER_SECOND, "/s"));
        }
        if (p99 > REGISTRATION_P99_MILLIS) {
            misses.add(String.format(Locale.ROOT, "p99 %.0f ms is %.0f ms over", p99, p99 - REGISTRATION_P99_MILLIS));
        }
        return new SummaryRow("registrations (durable seat grants), connection reuse", "≥ 5,000/s, p99 ≤ 100 ms",
                Figures.rate(rate, false) + ", p99 " + Figures.millis(p99) + " ms" + errorsNote(result),
                fraction(result), verdict(misses, result));
    }

    static SummaryRow atLeast(String figure, ScenarioResult result, double target) {
        List<String> misses = result.perSecond() < target ? List.of(shortBy(result.perSecond(), target, "/s"))
                : List.of();
        return new SummaryRow(figure, String.format(Locale.ROOT, "≥ %,.0f/s", target),
                Figures.rate(result.perSecond(), false) + ", p99 " + Figures.millis(result.latencyMillis().p99())
                        + " ms" + errorsNote(result), fraction(result), verdict(misses, result));
    }

    static SummaryRow ofCeiling(String figure, ScenarioResult result, String ceilingName) {
        Double fraction = result.fractionOfCeiling();
        List<String> misses = new ArrayList<>();
        if (fraction == null) {
            misses.add("no ceiling measured in this run");
        } else if (fraction < FRACTION_OF_CEILING) {
            misses.add(String.format(Locale.ROOT, "%.0f points short", (FRACTION_OF_CEILING - fraction) * 100));
        }
        return new SummaryRow(figure, "≥ 80% of " + ceilingName, Figures.rate(result.perSecond(), false) + ", p99 "
                + Figures.millis(result.latencyMillis().p99()) + " ms" + errorsNote(result), fraction(result),
                verdict(misses, result));
    }

    static SummaryRow outage(ScenarioResult result) {
        List<String> misses = new ArrayList<>();
        boolean allBack = result.operations() >= result.fleetSize();
        if (!allBack) {
            misses.add(Figures.count(result.fleetSize() - result.operations()) + " clients not licensed again when "
                    + "the simulator stopped waiting");
        } else if (result.seconds() - firstAnswerSeconds(result) > OUTAGE_SECONDS) {
            misses.add(String.format(Locale.ROOT, "%.1f s over", result.seconds() - firstAnswerSeconds(result)
                    - OUTAGE_SECONDS));
        }
        if (!"true".equals(result.notes().get("onlyAcceptableErrors"))) {
            misses.add("other errors than refused connections and 503");
        }
        String measured = Figures.count(result.operations()) + " of " + Figures.count(result.fleetSize())
                + " licensed in " + Figures.seconds(result.seconds()) + " s; " + ResultTable.errors(result);
        String firstAnswer = result.notes().getOrDefault("secondsUntilFirstAnswer",
                result.notes().get("secondsUntilHello"));
        if (firstAnswer != null) {
            measured += "; first answer after " + firstAnswer + " s";
        }
        String handshakes = result.notes().get("recoveryHandshakes");
        if (handshakes != null) {
            measured += "; recovery handshakes " + handshakes;
        }
        return new SummaryRow("outage recovery, " + Figures.count(result.fleetSize()) + " clients retrying",
                "all licensed ≤ 60 s after the server's first answer; only refused / 503", measured, "-", misses.isEmpty() ? "yes"
                        : "no: " + String.join("; ", misses));
    }

    /**
     * Seconds from the restart to the server's first answer (the server has returned then), or 0 when the result
     * does not say: the clients' time is counted from there.
     */
    private static double firstAnswerSeconds(ScenarioResult result) {
        try {
            return Math.max(0, Double.parseDouble(result.notes().getOrDefault("secondsUntilFirstAnswer",
                    result.notes().getOrDefault("secondsUntilHello", "0"))));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static SummaryRow updateWave(ScenarioResult result) {
        List<String> misses = new ArrayList<>();
        Double fraction = result.fractionOfCeiling();
        if (fraction == null) {
            misses.add("no ceiling measured in this run");
        } else if (fraction < FRACTION_OF_CEILING) {
            misses.add(String.format(Locale.ROOT, "%.0f points short", (FRACTION_OF_CEILING - fraction) * 100));
        }
        String growthText = result.notes().get("serverResidentGrowthBytes");
        String measured = Figures.rate(result.perSecond(), true);
        if (growthText != null) {
            long growth = Long.parseLong(growthText);
            measured += ", server RSS " + (growth >= 0 ? "+" : "") + Figures.mebibytes(growth) + " MiB";
            if (growth > FLAT_MEMORY_BYTES) {
                misses.add("server memory grew " + Figures.mebibytes(growth) + " MiB");
            }
        }
        return new SummaryRow("update wave, " + Figures.count(result.fleetSize()) + " clients × "
                + Figures.mebibytes(Long.parseLong(result.notes().getOrDefault("packageBytes", "0"))) + " MiB",
                "≥ 80% of static-file ceiling; RSS growth ≤ 64 MiB", measured + errorsNote(result), fraction(result),
                verdict(misses, result));
    }

    static SummaryRow largeFleet(ScenarioResult result) {
        List<String> misses = new ArrayList<>();
        long resident = result.server() == null ? 0 : result.server().peakResidentBytes();
        if (resident > LARGE_FLEET_RESIDENT_BYTES) {
            misses.add("RSS " + Figures.mebibytes(resident - LARGE_FLEET_RESIDENT_BYTES) + " MiB over");
        }
        double slowest = result.latencyMillis().p99();
        if (slowest > FIRST_PAGE_MILLIS) {
            misses.add(String.format(Locale.ROOT, "slowest first page %.0f ms over", slowest - FIRST_PAGE_MILLIS));
        }
        return new SummaryRow("large fleet, " + Figures.count(result.fleetSize()) + " computers",
                "server RSS ≤ 1 GiB; Manage Computers first page ≤ 100 ms",
                "RSS " + Figures.mebibytes(resident) + " MiB; first pages: median " + Figures.millis(
                        result.latencyMillis().p50()) + " ms, slowest " + Figures.millis(slowest) + " ms (cold "
                        + Figures.millis(result.latencyMillis().max()) + " ms)", "-", verdict(misses, result));
    }

    static SummaryRow clientIdle(ScenarioResult result) {
        List<String> misses = new ArrayList<>();
        long resident = result.server().peakResidentBytes();
        if (resident > CLIENT_IDLE_RESIDENT_BYTES) {
            misses.add("RSS " + Figures.mebibytes(resident - CLIENT_IDLE_RESIDENT_BYTES) + " MiB over");
        }
        double cpuPercent = result.server().cpuPercentOfOneCore();
        if (cpuPercent > CLIENT_IDLE_CPU_PERCENT) {
            misses.add(String.format(Locale.ROOT, "CPU %.2f%% of a core", cpuPercent));
        }
        return new SummaryRow("Client Service, idle", "RSS ≤ 64 MB; CPU ≈ 0",
                String.format(Locale.ROOT, "RSS %s MiB; CPU %.3f s in %.0f s (%.2f%% of a core)",
                        Figures.mebibytes(resident), result.server().cpuSeconds(), result.seconds(), cpuPercent),
                "-", verdict(misses, result));
    }

    private static void ceiling(Optional<ScenarioResult> result, String figure, List<SummaryRow> rows) {
        result.ifPresent(ceiling -> rows.add(new SummaryRow(figure, "-",
                Figures.rate(ceiling.perSecond(), ResultTable.bytes(ceiling)) + errorsNote(ceiling), "100%", "-")));
    }

    private static String verdict(List<String> misses, ScenarioResult result) {
        List<String> all = new ArrayList<>(misses);
        if (result.totalErrors() > 0) {
            all.add(Figures.count(result.totalErrors()) + " errors");
        }
        return all.isEmpty() ? "yes" : "no: " + String.join("; ", all);
    }

    private static String shortBy(double measured, double target, String unit) {
        return String.format(Locale.ROOT, "%,.0f%s short (%.0f%%)", target - measured, unit,
                (target - measured) / target * 100);
    }

    private static String fraction(ScenarioResult result) {
        return result.fractionOfCeiling() == null ? "-" : Figures.percent(result.fractionOfCeiling());
    }

    private static String errorsNote(ScenarioResult result) {
        return result.totalErrors() == 0 ? "" : "; errors: " + ResultTable.errors(result);
    }
}
