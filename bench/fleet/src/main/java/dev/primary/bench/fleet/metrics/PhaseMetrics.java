package dev.primary.bench.fleet.metrics;

import dev.primary.bench.fleet.transport.Handshake;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What one measured phase counted, recorded from the event-loop threads without locks: successful operations and
 * their latency (an HdrHistogram {@link Recorder}, microseconds, 3 significant digits), bytes received, errors by
 * kind, and which TLS handshakes were made. Failed operations count by kind, not in the latency histogram.
 */
public final class PhaseMetrics {
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final Recorder latency = new Recorder(HIGHEST_MICROS, 3);
    private final Histogram total = new Histogram(HIGHEST_MICROS, 3);
    private final LongAdder operations = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder fullHandshakes = new LongAdder();
    private final LongAdder resumedHandshakes = new LongAdder();
    private final EnumMap<ErrorKind, LongAdder> errors = new EnumMap<>(ErrorKind.class);
    private volatile long startNanos;
    private volatile long endNanos;

    public PhaseMetrics() {
        for (ErrorKind kind : ErrorKind.values()) {
            errors.put(kind, new LongAdder());
        }
    }

    /** Marks the start of the measured phase (now). */
    public void start() {
        startNanos = System.nanoTime();
        endNanos = 0;
    }

    /** Marks the end of the measured phase (now). */
    public void stop() {
        endNanos = System.nanoTime();
    }

    public void success(long latencyNanos) {
        operations.increment();
        latency.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, latencyNanos / 1000)));
    }

    public void bytes(long count) {
        bytes.add(count);
    }

    public void failure(ErrorKind kind) {
        errors.get(kind).increment();
    }

    public void handshake(Handshake handshake) {
        if (handshake == Handshake.FULL) {
            fullHandshakes.increment();
        } else if (handshake == Handshake.RESUMED) {
            resumedHandshakes.increment();
        }
    }

    public long operations() {
        return operations.sum();
    }

    public long bytes() {
        return bytes.sum();
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long errors(ErrorKind kind) {
        return errors.get(kind).sum();
    }

    /** Errors so far by label, without touching the latency histogram (for progress lines). */
    public Map<String, Long> snapshotErrors() {
        Map<String, Long> counted = new java.util.LinkedHashMap<>();
        errors.forEach((kind, count) -> {
            long sum = count.sum();
            if (sum > 0) {
                counted.put(kind.label(), sum);
            }
        });
        return counted;
    }

    /** Seconds since {@link #start()}, up to {@link #stop()} if stopped. */
    public double elapsedSeconds() {
        long end = endNanos != 0 ? endNanos : System.nanoTime();
        return startNanos == 0 ? 0 : (end - startNanos) / 1e9;
    }

    /** Everything counted so far. */
    public synchronized MetricsSnapshot snapshot() {
        total.add(latency.getIntervalHistogram());
        Map<ErrorKind, Long> counted = new EnumMap<>(ErrorKind.class);
        errors.forEach((kind, count) -> {
            if (count.sum() > 0) {
                counted.put(kind, count.sum());
            }
        });
        Latency summary = total.getTotalCount() == 0 ? new Latency(0, 0, 0)
                : new Latency(total.getValueAtPercentile(50) / 1000.0, total.getValueAtPercentile(99) / 1000.0,
                        total.getMaxValue() / 1000.0);
        return new MetricsSnapshot(operations.sum(), bytes.sum(), counted, elapsedSeconds(), summary,
                fullHandshakes.sum(), resumedHandshakes.sum());
    }

    /**
     * Latency percentiles of the successful operations, in milliseconds.
     *
     * @param p50 the median
     * @param p99 the 99th percentile
     * @param max the largest
     */
    public record Latency(double p50, double p99, double max) {
    }
}
