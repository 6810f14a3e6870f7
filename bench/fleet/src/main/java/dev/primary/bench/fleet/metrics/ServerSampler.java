package dev.primary.bench.fleet.metrics;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/**
 * Samples the server's CPU time and resident memory every 250 ms (by default) over a phase, for the CPU the server
 * used and its peak and end memory, on its own thread. A sample that fails (the server is down) is skipped. When
 * the server is restarted during the phase, the CPU of each process counts: the old one's up to its last reading,
 * the new one's from its start (a process that started after the phase began counts from zero).
 */
public final class ServerSampler implements AutoCloseable {
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(250);

    private final Supplier<UsageReading> probe;
    private final LongPredicate startedDuringPhase;
    private final ScheduledExecutorService timer;
    private final long startNanos;
    private UsageReading last;
    private long baselineCpuNanos;
    private long earlierProcessesCpuNanos;
    private long peakResidentBytes;

    ServerSampler(Supplier<UsageReading> probe, LongPredicate startedDuringPhase) {
        this.probe = probe;
        this.startedDuringPhase = startedDuringPhase;
        this.startNanos = System.nanoTime();
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fleet-server-sampler");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Samples now and then every {@code interval}, on the sampler's thread. */
    public static ServerSampler start(Supplier<UsageReading> probe, Duration interval) {
        Instant phaseStart = Instant.now();
        ServerSampler sampler = new ServerSampler(Objects.requireNonNull(probe, "probe"),
                pid -> ProcessHandle.of(pid).flatMap(process -> process.info().startInstant())
                        .map(started -> started.isAfter(phaseStart)).orElse(false));
        sampler.timer.scheduleAtFixedRate(sampler::sample, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        return sampler;
    }

    synchronized void sample() {
        UsageReading reading;
        try {
            reading = probe.get();
        } catch (UncheckedIOException | IllegalStateException e) {
            return; // the server is down right now
        }
        record(reading);
    }

    synchronized void record(UsageReading reading) {
        if (last == null || last.processId() != reading.processId()) {
            if (last != null) {
                earlierProcessesCpuNanos += last.cpuNanos() - baselineCpuNanos;
            }
            baselineCpuNanos = startedDuringPhase.test(reading.processId()) ? 0 : reading.cpuNanos();
        }
        last = reading;
        peakResidentBytes = Math.max(peakResidentBytes, reading.residentBytes());
    }

    /** Stops sampling (after one last sample) and sums the phase up. */
    public ServerUsageSummary finish() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
        return summary((System.nanoTime() - startNanos) / 1e9);
    }

    synchronized ServerUsageSummary summary(double wallSeconds) {
        if (last == null) {
            return new ServerUsageSummary(0, 0, 0, 0);
        }
        double cpuSeconds = (earlierProcessesCpuNanos + last.cpuNanos() - baselineCpuNanos) / 1e9;
        double percent = wallSeconds <= 0 ? 0 : cpuSeconds / wallSeconds * 100;
        return new ServerUsageSummary(cpuSeconds, percent, peakResidentBytes, last.residentBytes());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /**
     * What the server used over a phase.
     *
     * @param cpuSeconds CPU seconds used
     * @param cpuPercentOfOneCore CPU seconds per wall second, times 100 (200 = both cores of this machine)
     * @param peakResidentBytes the largest resident memory sampled
     * @param endResidentBytes resident memory at the end
     */
    public record ServerUsageSummary(double cpuSeconds, double cpuPercentOfOneCore, long peakResidentBytes,
            long endResidentBytes) {
    }
}
