package dev.primary.bench.fleet.suite;

import dev.primary.bench.fleet.ceiling.HelloCeiling;
import dev.primary.bench.fleet.scenario.OutageRecovery;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The sizes of one suite run.
 *
 * @param hello the hello-world ceiling's requests and lanes
 * @param reuseConcurrency lanes of the connection-reuse scenarios
 * @param freshConcurrency lanes of the fresh-connection scenarios
 * @param registerClients clients of the cold start with connection reuse (they then check in, steady)
 * @param warmupClients clients registered before each cold start, not measured
 * @param verifies verifies of the steady phase with connection reuse
 * @param freshClients clients of the cold start on fresh connections (they then check in on fresh connections)
 * @param freshVerifies verifies of each steady phase on fresh connections
 * @param outage the outage-recovery scenario
 * @param waveClients clients of the update wave
 * @param packageBytes the update wave's package size
 * @param phaseLimit the time limit of each measured load phase (it ends at its count or then, whichever comes
 *     first), so the suite's length does not depend on how fast the server is
 * @param presign sign the requests of each measured phase before it (see {@code PresignedRequests})
 * @param skipped parts left out
 */
public record SuiteSettings(HelloCeiling.Settings hello, int reuseConcurrency, int freshConcurrency,
        int registerClients, int warmupClients, long verifies, int freshClients, long freshVerifies,
        OutageRecovery.Settings outage, int waveClients, long packageBytes, java.time.Duration phaseLimit,
        boolean presign,
        Set<SuitePart> skipped, LargeFleetSettings largeFleet, ClientIdleSettings clientIdle) {

    /** The large-fleet part: how many computers its own server's store holds, and how many of them are licensed. */
    public record LargeFleetSettings(int computers, int licensed) {
        public LargeFleetSettings {
            if (computers < 1 || licensed < 0 || licensed > computers) {
                throw new IllegalArgumentException("the large fleet needs computers >= 1 and 0 <= licensed <= computers");
            }
        }
    }

    /**
     * The client-idle part: where the project's bin/ launchers are, how long to settle and to measure, how many
     * starts of each configuration, and the variants (label to extra JVM options) measured beside the shipped one.
     */
    public record ClientIdleSettings(java.nio.file.Path repository, java.time.Duration settle,
            java.time.Duration window, int rounds, java.util.Map<String, String> variants) {
        public ClientIdleSettings {
            variants = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variants));
        }
    }

    public SuiteSettings {
        Objects.requireNonNull(hello, "hello");
        Objects.requireNonNull(outage, "outage");
        Objects.requireNonNull(largeFleet, "largeFleet");
        Objects.requireNonNull(clientIdle, "clientIdle");
        skipped = skipped.isEmpty() ? EnumSet.noneOf(SuitePart.class) : EnumSet.copyOf(skipped);
        if (reuseConcurrency < 1 || freshConcurrency < 1 || registerClients < 1 || warmupClients < 0
                || verifies < 1 || freshClients < 1 || freshVerifies < 1 || waveClients < 1 || packageBytes < 1) {
            throw new IllegalArgumentException("suite sizes must be positive (warm-up clients may be 0)");
        }
    }

    public boolean runs(SuitePart part) {
        return !skipped.contains(part);
    }
}
