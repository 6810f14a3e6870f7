package dev.primary.bench.fleet.scenario;

import dev.primary.bench.fleet.metrics.MetricsSnapshot;
import dev.primary.bench.fleet.metrics.ServerSampler;
import java.util.Objects;

/**
 * What one measured phase produced.
 *
 * @param metrics the simulator's counts and latency
 * @param server the server's CPU and memory over the phase, or null when it could not be sampled
 * @param simulatorCpuSeconds CPU the simulator's own JVM used over the phase
 */
public record PhaseOutcome(MetricsSnapshot metrics, ServerSampler.ServerUsageSummary server,
        double simulatorCpuSeconds) {
    public PhaseOutcome {
        Objects.requireNonNull(metrics, "metrics");
    }
}
