package dev.primary.bench.fleet.scenario;

import dev.primary.bench.fleet.metrics.MetricsSnapshot;
import dev.primary.bench.fleet.metrics.ServerSampler;
import dev.primary.bench.fleet.transport.ConnectionMode;
import dev.primary.bench.harness.ScenarioResult;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Turns a phase's outcome into the {@link ScenarioResult} written to the results. */
public final class ResultBuilder {
    /** The note naming the variant of a scenario (e.g. {@code fresh-resumed}); part of the result's file name. */
    public static final String VARIANT = "variant";

    private final String scenario;
    private final int fleetSize;
    private final ConnectionMode mode;
    private final int concurrency;
    private final Map<String, String> notes = new LinkedHashMap<>();
    private boolean bytesPerSecond;

    public ResultBuilder(String scenario, int fleetSize, ConnectionMode mode, int concurrency) {
        this.scenario = scenario;
        this.fleetSize = fleetSize;
        this.mode = mode;
        this.concurrency = concurrency;
    }

    /** The figure is bytes per second (downloads), not operations per second. */
    public ResultBuilder bytesPerSecond() {
        this.bytesPerSecond = true;
        return this;
    }

    public ResultBuilder note(String key, Object value) {
        notes.put(key, String.valueOf(value));
        return this;
    }

    public ScenarioResult build(PhaseOutcome outcome) {
        MetricsSnapshot metrics = outcome.metrics();
        Map<String, String> allNotes = new LinkedHashMap<>(notes);
        allNotes.put("figure", bytesPerSecond ? "bytes per second" : "operations per second");
        allNotes.put("handshakes", "full " + metrics.fullHandshakes() + ", resumed " + metrics.resumedHandshakes());
        allNotes.put("simulatorCpuSeconds", format(outcome.simulatorCpuSeconds()));
        allNotes.put("simulatorCpuPercentOfOneCore", format(percent(outcome.simulatorCpuSeconds(), metrics.seconds())));
        if (bytesPerSecond) {
            allNotes.put("bytes", Long.toString(metrics.bytes()));
        }
        ServerSampler.ServerUsageSummary server = outcome.server();
        return new ScenarioResult(scenario, fleetSize, mode == ConnectionMode.REUSE, concurrency,
                metrics.operations(), metrics.seconds(), bytesPerSecond ? metrics.bytesPerSecond() : metrics.perSecond(),
                new ScenarioResult.Latency(metrics.latency().p50(), metrics.latency().p99(), metrics.latency().max()),
                metrics.errorsByLabel(),
                server == null ? null : new ScenarioResult.ServerUsage(server.cpuSeconds(),
                        server.cpuPercentOfOneCore(), server.peakResidentBytes(), server.endResidentBytes()),
                null, allNotes);
    }

    /** {@code result} with its fraction of {@code ceiling}'s figure and a note naming the ceiling. */
    public static ScenarioResult withCeiling(ScenarioResult result, ScenarioResult ceiling) {
        if (ceiling == null || ceiling.perSecond() <= 0) {
            return result;
        }
        Map<String, String> notes = new LinkedHashMap<>(result.notes());
        boolean bytes = "bytes per second".equals(ceiling.notes().get("figure"));
        notes.put("ceiling", ceiling.scenario() + "/" + ceiling.notes().getOrDefault(VARIANT, "") + " at "
                + (bytes ? format(ceiling.perSecond() / (1024 * 1024)) + " MiB/s" : format(ceiling.perSecond()) + "/s"));
        return new ScenarioResult(result.scenario(), result.fleetSize(), result.connectionReuse(),
                result.concurrency(), result.operations(), result.seconds(), result.perSecond(),
                result.latencyMillis(), result.errors(), result.server(), result.perSecond() / ceiling.perSecond(),
                notes);
    }

    private static double percent(double cpuSeconds, double wallSeconds) {
        return wallSeconds <= 0 ? 0 : cpuSeconds / wallSeconds * 100;
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
