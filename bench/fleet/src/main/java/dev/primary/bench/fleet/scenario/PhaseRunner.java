package dev.primary.bench.fleet.scenario;

import dev.primary.bench.fleet.metrics.PhaseMetrics;
import dev.primary.bench.fleet.metrics.ProgressReporter;
import dev.primary.bench.fleet.metrics.ServerSampler;
import dev.primary.bench.harness.ProcessUsage;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Runs one measured phase with a progress line on stderr, the server sampled every 250 ms, and the simulator's own
 * CPU measured, so each result says where the machine's CPU went.
 */
public final class PhaseRunner {
    private final ServerTarget target;
    private final PrintWriter progress;

    public PhaseRunner(ServerTarget target, PrintWriter progress) {
        this.target = Objects.requireNonNull(target, "target");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * Runs {@code phase} (which starts the metrics' clock and completes when the phase is over) and waits for it.
     *
     * @param total operations the phase will do, or -1 if not known, for the progress line
     */
    public PhaseOutcome run(String label, PhaseMetrics metrics, long total,
            Supplier<CompletableFuture<?>> phase) {
        ProcessUsage simulatorBefore = ProcessUsage.self();
        ServerSampler sampler = target.usage().map(probe -> ServerSampler.start(probe, ServerSampler.DEFAULT_INTERVAL))
                .orElse(null);
        try (ProgressReporter reporter = ProgressReporter.start(label, metrics, total, progress)) {
            phase.get().join();
        } catch (CompletionException e) {
            if (sampler != null) {
                sampler.close();
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        double simulatorCpu = ProcessUsage.self().cpuSince(simulatorBefore).toNanos() / 1e9;
        return new PhaseOutcome(metrics.snapshot(), sampler == null ? null : sampler.finish(), simulatorCpu);
    }
}
