package dev.primary.bench.harness;

import dev.primary.protocol.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One measured figure, as written to the results JSON (one file per scenario run).
 *
 * @param scenario e.g. {@code cold-start}, {@code steady}, {@code outage-recovery}, {@code update-wave},
 *     {@code hello-ceiling}, {@code static-file-ceiling}, {@code large-fleet}, {@code client-idle}
 * @param fleetSize simulated clients
 * @param connectionReuse whether clients kept their connection between requests
 * @param concurrency requests in flight at once
 * @param operations successful operations counted by the simulator
 * @param seconds wall time of the measured phase
 * @param perSecond operations per second (for {@code update-wave}: bytes per second)
 * @param latencyMillis p50, p99 and max latency in milliseconds
 * @param errors failed operations by kind: {@code connect-refused}, {@code tls}, {@code timeout}, {@code http-503},
 *     {@code http-401} (enrollment token refused), {@code http-429} (over the per-source registration limit),
 *     {@code http-4xx}, {@code http-5xx}, {@code protocol} ...
 * @param server the server's CPU and memory over the phase; null when no server was measured
 * @param fractionOfCeiling {@code perSecond} divided by the ceiling measured in the same run; null without one
 * @param notes anything else worth keeping with the figure (JVM options, TLS provider, ...)
 */
public record ScenarioResult(String scenario, int fleetSize, boolean connectionReuse, int concurrency, long operations,
        double seconds, double perSecond, Latency latencyMillis, Map<String, Long> errors, ServerUsage server,
        Double fractionOfCeiling, Map<String, String> notes) {

    public ScenarioResult {
        if (scenario == null || scenario.isBlank()) {
            throw new IllegalArgumentException("a scenario result needs a scenario name");
        }
        if (fleetSize < 0 || concurrency < 0 || operations < 0 || seconds < 0 || perSecond < 0) {
            throw new IllegalArgumentException("fleet size, concurrency, operations, seconds and rate cannot be negative");
        }
        latencyMillis = latencyMillis == null ? new Latency(0, 0, 0) : latencyMillis;
        errors = sorted(errors);
        notes = sorted(notes);
    }

    /** Latency percentiles in milliseconds. */
    public record Latency(double p50, double p99, double max) {
    }

    /**
     * What the server used over the measured phase.
     *
     * @param cpuSeconds CPU time used during the phase
     * @param cpuPercentOfOneCore {@code cpuSeconds} divided by the phase's wall time, times 100
     * @param peakResidentBytes the largest resident memory sampled during the phase
     * @param endResidentBytes resident memory at the end of the phase
     */
    public record ServerUsage(double cpuSeconds, double cpuPercentOfOneCore, long peakResidentBytes,
            long endResidentBytes) {
    }

    /** The sum of all errors. */
    public long totalErrors() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Writes this result to {@code file} as pretty JSON, creating its directory if needed. */
    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, Json.writePretty(this) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the result " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a result {@link #write(Path) written} before. */
    public static ScenarioResult read(Path file) {
        try {
            return Json.read(Files.readAllBytes(file), ScenarioResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the result " + file + ": " + e.getMessage(), e);
        }
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(map)));
    }
}
