package dev.primary.bench.fleet.nodes;

/**
 * What one configuration measured.
 *
 * @param configuration e.g. {@code 2 servers, PostgreSQL}
 * @param store {@code sqlite} or {@code postgresql}
 * @param servers server processes
 * @param clients simulated clients registered (and then checking in)
 * @param registrations the registration phase (each a durable seat grant)
 * @param checkIns the steady check-in phase (connection reuse)
 */
public record ConfigurationFigures(String configuration, String store, int servers, int clients,
        PhaseFigures registrations, PhaseFigures checkIns) {
}
