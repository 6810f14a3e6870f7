package dev.primary.bench.fleet.metrics;

/**
 * One reading of a process's resources.
 *
 * @param processId the process read (a restarted server is another process)
 * @param cpuNanos CPU time used since the process started
 * @param residentBytes resident memory now
 */
public record UsageReading(long processId, long cpuNanos, long residentBytes) {
    public UsageReading {
        if (cpuNanos < 0 || residentBytes < 0) {
            throw new IllegalArgumentException("CPU time and resident bytes cannot be negative");
        }
    }
}
