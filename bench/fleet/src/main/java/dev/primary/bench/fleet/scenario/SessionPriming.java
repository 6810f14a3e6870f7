package dev.primary.bench.fleet.scenario;

import dev.primary.bench.fleet.client.SimulatedClient;
import dev.primary.bench.fleet.metrics.MetricsSnapshot;
import dev.primary.bench.fleet.metrics.PhaseMetrics;
import dev.primary.bench.fleet.metrics.ProgressReporter;
import dev.primary.bench.fleet.transport.ConnectionMode;
import dev.primary.bench.fleet.transport.HttpsTransport;
import java.io.PrintWriter;
import java.util.List;

/**
 * Before an outage, every client checks in once over its own fresh TLS connection (its own ticket slot), so it holds
 * a session ticket as a real client that checked in before the outage does. A client whose connection failed
 * before it got a ticket (a busy server's 503 still hands one out) tries again, for up to {@link #ROUNDS} rounds.
 * Not measured as a figure; its duration, handshakes and errors go into the result's notes.
 */
final class SessionPriming {
    /** Rounds at most: the first for everyone, then for those still without a session. */
    static final int ROUNDS = 3;

    private SessionPriming() {}

    /**
     * What the priming did.
     *
     * @param clients clients primed
     * @param sessionsHeld how many of them hold a session afterwards
     * @param rounds rounds it took
     * @param seconds how long it took
     * @param metrics its check-ins: licensed answers, errors by kind, full and resumed handshakes
     */
    record Outcome(int clients, int sessionsHeld, int rounds, double seconds, MetricsSnapshot metrics) {
        /** For the results' notes. */
        String describe() {
            return String.format(java.util.Locale.ROOT,
                    "%d check-ins over each client's own fresh connection in %.1f s (%d round%s; handshakes full %d, "
                            + "resumed %d; licensed %d; errors %s); sessions held by %d of %d clients",
                    metrics.operations() + metrics.errorCount(), seconds, rounds, rounds == 1 ? "" : "s",
                    metrics.fullHandshakes(), metrics.resumedHandshakes(), metrics.operations(),
                    metrics.errorsByLabel(), sessionsHeld, clients);
        }
    }

    /** Checks every client in with {@code checkIn} over a fresh connection of its own, {@code concurrency} at a time. */
    static Outcome prime(HttpsTransport transport, List<SimulatedClient> clients, int concurrency, Operation checkIn,
            PrintWriter progress) {
        PhaseMetrics metrics = new PhaseMetrics();
        long start = System.nanoTime();
        List<SimulatedClient> pending = clients;
        int rounds = 0;
        try (ProgressReporter reporter = ProgressReporter.start("priming sessions", metrics, clients.size(),
                progress)) {
            while (!pending.isEmpty() && rounds < ROUNDS) {
                rounds++;
                new ClosedLoopRun(transport, ConnectionMode.FRESH, Math.min(concurrency, pending.size()),
                        new ClientWorkload(pending, checkIn, Budget.count(pending.size()), false), metrics)
                        .run();
                pending = pending.stream().filter(client -> !transport.holdsSession(client.index())).toList();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(clients.size(), clients.size() - pending.size(), rounds, seconds, metrics.snapshot());
    }
}
