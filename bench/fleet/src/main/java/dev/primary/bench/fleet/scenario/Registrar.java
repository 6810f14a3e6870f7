package dev.primary.bench.fleet.scenario;

import dev.primary.bench.fleet.client.SimulatedClient;
import dev.primary.bench.fleet.metrics.PhaseMetrics;
import dev.primary.bench.fleet.metrics.ProgressReporter;
import dev.primary.bench.fleet.transport.ConnectionMode;
import dev.primary.bench.fleet.transport.HttpsTransport;
import java.util.ArrayList;
import java.util.List;

/** Registers clients as set-up for a scenario (not measured): reused connections, 64 at a time. */
public final class Registrar {
    static final int SETUP_CONCURRENCY = 64;

    private Registrar() {}

    /** The first {@code wanted} of {@code registered}, plus as many new clients, registered now, as are missing. */
    public static List<SimulatedClient> atLeast(RunContext context, int wanted, List<SimulatedClient> registered) {
        if (registered.size() >= wanted) {
            return registered.subList(0, wanted);
        }
        List<SimulatedClient> all = new ArrayList<>(registered);
        all.addAll(registerAll(context, context.newClients(wanted - registered.size())));
        return all;
    }

    /**
     * Registers {@code clients} and returns those that got a lease.
     *
     * @throws IllegalStateException if fewer than all got one (the license has too few seats, or the server failed)
     */
    public static List<SimulatedClient> registerAll(RunContext context, List<SimulatedClient> clients) {
        PhaseMetrics metrics = new PhaseMetrics();
        try (HttpsTransport transport = context.openTransport(false);
                ProgressReporter reporter = ProgressReporter.start("set-up: register", metrics, clients.size(),
                        context.progress())) {
            new ClosedLoopRun(transport, ConnectionMode.REUSE, SETUP_CONCURRENCY,
                    new ClientWorkload(clients, Operation.REGISTER, Budget.count(clients.size()), false), metrics).run();
        }
        List<SimulatedClient> registered = clients.stream().filter(client -> client.leaseId().isPresent()).toList();
        if (registered.size() < clients.size()) {
            throw new IllegalStateException("set-up registered only " + registered.size() + " of " + clients.size()
                    + " clients (errors: " + metrics.snapshot().errorsByLabel() + ")");
        }
        return registered;
    }
}
