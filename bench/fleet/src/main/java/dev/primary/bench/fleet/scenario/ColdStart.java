package dev.primary.bench.fleet.scenario;

import dev.primary.bench.fleet.client.SimulatedClient;
import dev.primary.bench.fleet.metrics.PhaseMetrics;
import dev.primary.bench.fleet.transport.HttpsTransport;
import dev.primary.bench.harness.ScenarioResult;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Cold start: N new clients register at once, {@code concurrency} at a time; every licensed answer is a durable
 * seat grant. A few warm-up clients register first (not measured) so the server's JIT is warm.
 */
public final class ColdStart {
    public static final String NAME = "cold-start";

    private ColdStart() {}

    /**
     * @param clients new clients that register in the measured phase
     * @param load concurrency and connection handling
     * @param warmupClients clients registered before the measured phase, not counted
     * @param presign sign the registrations before the measured phase ({@link PresignedRequests}), not during it
     * @param limit the measured phase's time limit (clients not yet registered then stay unregistered), or null
     */
    public record Settings(int clients, LoadShape load, int warmupClients, boolean presign, Duration limit) {
        public Settings {
            if (clients < 1 || warmupClients < 0) {
                throw new IllegalArgumentException("cold start needs at least 1 client and no negative warm-up");
            }
        }
    }

    /**
     * The result, and every client that holds a lease afterwards (for later scenarios).
     *
     * @param result the measured figure
     * @param registered clients with a lease, warm-up clients included
     */
    public record Outcome(ScenarioResult result, List<SimulatedClient> registered) {
    }

    public static Outcome run(RunContext context, Settings settings) {
        List<SimulatedClient> warmup = context.newClients(settings.warmupClients());
        List<SimulatedClient> measured = context.newClients(settings.clients());
        LoadShape load = settings.load();
        PhaseMetrics metrics = new PhaseMetrics();
        PhaseOutcome outcome;
        String tls;
        try (HttpsTransport transport = context.openTransport(load.resumption())) {
            tls = transport.describeTls();
            if (!warmup.isEmpty()) {
                new ClosedLoopRun(transport, load.mode(), load.concurrency(), new ClientWorkload(warmup,
                        Operation.REGISTER, Budget.count(warmup.size()), false), new PhaseMetrics()).run();
            }
            PresignedRequests presigned = settings.presign()
                    ? PresignedRequests.prepare(measured, Operation.REGISTER, measured.size()) : null;
            outcome = context.phases().run(NAME + " (" + load.variant() + ")", metrics, measured.size(),
                    () -> new ClosedLoopRun(transport, load.mode(), load.concurrency(), new ClientWorkload(measured,
                            Operation.REGISTER, presigned, Budget.countWithin(measured.size(), settings.limit()), false),
                            metrics).start());
        }
        ScenarioResult result = new ResultBuilder(NAME, settings.clients(), load.mode(), load.concurrency())
                .note(ResultBuilder.VARIANT, load.variant())
                .note("tls", tls)
                .note("target", context.target().describe())
                .note("enrollment", context.target().enrollmentToken().isEmpty() ? "no token sent"
                        : "every client sends an enrollment token")
                .note("warmupClients", settings.warmupClients())
                .note("signing", settings.presign() ? "presigned before the phase" : "inline")
                .build(outcome);
        List<SimulatedClient> registered = Stream.concat(warmup.stream(), measured.stream())
                .filter(client -> client.leaseId().isPresent()).toList();
        return new Outcome(result, registered);
    }
}
