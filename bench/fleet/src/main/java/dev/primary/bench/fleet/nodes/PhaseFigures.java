package dev.primary.bench.fleet.nodes;

import dev.primary.bench.harness.ScenarioResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measured phase of a configuration (registrations, or check-ins with connection reuse).
 *
 * @param operations successful operations in the measured phase
 * @param seconds the measured phase's wall time
 * @param perSecond operations per second
 * @param p50Millis median latency
 * @param p99Millis 99th percentile latency
 * @param errors failed operations
 * @param cpuSeconds CPU of every server and PostgreSQL over the measured phase (sampled, as the simulator samples a
 *     server)
 * @param cpuMillisPerOperation CPU milliseconds per operation of each process ({@code server-1}.., {@code postgresql}):
 *     {@code cpuSeconds} split by each process's share of the CPU over the whole scenario (its warm-up included)
 */
public record PhaseFigures(long operations, double seconds, double perSecond, double p50Millis, double p99Millis,
        long errors, double cpuSeconds, Map<String, Double> cpuMillisPerOperation) {
    public PhaseFigures {
        cpuMillisPerOperation = Map.copyOf(cpuMillisPerOperation);
    }

    /**
     * The figures of a scenario's result, its CPU split by {@code cpuNanosByProcess} (each process's CPU over the
     * scenario call, in the order the table shows them).
     */
    static PhaseFigures of(ScenarioResult result, Map<String, Long> cpuNanosByProcess) {
        double cpuSeconds = result.server() == null ? 0 : result.server().cpuSeconds();
        long total = cpuNanosByProcess.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Double> perOperation = new LinkedHashMap<>();
        for (Map.Entry<String, Long> process : cpuNanosByProcess.entrySet()) {
            double share = total == 0 ? 0 : (double) process.getValue() / total;
            perOperation.put(process.getKey(), result.operations() == 0 ? 0
                    : share * cpuSeconds * 1000 / result.operations());
        }
        return new PhaseFigures(result.operations(), result.seconds(), result.perSecond(),
                result.latencyMillis().p50(), result.latencyMillis().p99(), result.totalErrors(), cpuSeconds,
                perOperation);
    }

    /** CPU milliseconds per operation of the servers together (every process but PostgreSQL). */
    double serverMillisPerOperation() {
        return cpuMillisPerOperation.entrySet().stream().filter(entry -> entry.getKey().startsWith("server-"))
                .mapToDouble(Map.Entry::getValue).sum();
    }
}
