package dev.primary.bench.fleet.metrics;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a phase counted, at one moment.
 *
 * @param operations successful operations
 * @param bytes answer body bytes received (downloads)
 * @param errors failed operations by kind (kinds with none left out)
 * @param seconds the phase's wall time so far
 * @param latency latency of the successful operations
 * @param fullHandshakes connections that made a full TLS handshake
 * @param resumedHandshakes connections whose TLS session was resumed
 */
public record MetricsSnapshot(long operations, long bytes, Map<ErrorKind, Long> errors, double seconds,
        PhaseMetrics.Latency latency, long fullHandshakes, long resumedHandshakes) {
    public MetricsSnapshot {
        Objects.requireNonNull(latency, "latency");
        errors = errors.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(errors));
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Operations per second over the phase (0 for a phase without duration). */
    public double perSecond() {
        return seconds <= 0 ? 0 : operations / seconds;
    }

    /** Bytes per second over the phase. */
    public double bytesPerSecond() {
        return seconds <= 0 ? 0 : bytes / seconds;
    }

    /** Errors keyed by {@link ErrorKind#label()}, in the order of the kinds. */
    public Map<String, Long> errorsByLabel() {
        Map<String, Long> labelled = new LinkedHashMap<>();
        for (ErrorKind kind : ErrorKind.values()) {
            Long count = errors.get(kind);
            if (count != null) {
                labelled.put(kind.label(), count);
            }
        }
        return labelled;
    }

    /** The share of handshakes that were resumed, or -1 when there were none. */
    public double resumedShare() {
        long all = fullHandshakes + resumedHandshakes;
        return all == 0 ? -1 : (double) resumedHandshakes / all;
    }
}
