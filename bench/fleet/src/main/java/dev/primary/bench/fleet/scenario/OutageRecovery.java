package dev.primary.bench.fleet.scenario;

import dev.primary.bench.fleet.client.SimulatedClient;
import dev.primary.bench.fleet.metrics.MetricsSnapshot;
import dev.primary.bench.fleet.metrics.PhaseMetrics;
import dev.primary.bench.fleet.metrics.ProgressReporter;
import dev.primary.bench.fleet.transport.ConnectionMode;
import dev.primary.bench.fleet.transport.HttpsTransport;
import dev.primary.bench.harness.ManagedServer;
import dev.primary.bench.harness.ScenarioResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Outage recovery: N registered clients; the managed server is stopped; every client keeps retrying its check-in
 * on a fresh connection ({@link RetryPolicy}); after the down time the server is started again on the same port.
 * Measured: the time from the restart until every client has had a licensed answer (its recovery time is its
 * latency), and every non-licensed outcome by kind. Only refused connections and 503 retry-later are acceptable.
 */
public final class OutageRecovery {
    public static final String NAME = "outage-recovery";
    /** What a client may see while the server is away: nothing else counts as a clean recovery. */
    public static final Set<String> ACCEPTABLE_ERRORS = Set.of("connect-refused", "http-503");

    private OutageRecovery() {}

    /** How the outage's clients come to be registered. */
    public enum Setup {
        /** They register through the protocol before the outage (not measured). */
        REGISTER,
        /** Licensed computers are written into the stopped server's database ({@link SeededClients}). */
        SEED
    }

    /**
     * @param clients registered clients that go through the outage
     * @param setup how they come to be registered
     * @param policy how clients retry
     * @param downTime how long the server stays down
     * @param maxInFlight attempts in flight at once (the simulator's connection budget)
     * @param giveUpAfter how long after the restart the simulator stops waiting
     * @param kill stop the server with SIGKILL instead of SIGTERM
     */
    public record Settings(int clients, Setup setup, RetryPolicy policy, Duration downTime, int maxInFlight,
            Duration giveUpAfter, boolean kill) {
        public Settings {
            java.util.Objects.requireNonNull(setup, "setup");
            if (clients < 1 || maxInFlight < 1) {
                throw new IllegalArgumentException("outage recovery needs at least 1 client and 1 attempt in flight");
            }
        }
    }

    public static ScenarioResult run(RunContext context, Settings settings, List<SimulatedClient> registered) {
        ManagedServer server = context.target().managed().orElseThrow(() -> new IllegalArgumentException(
                NAME + " needs a managed server (--managed): the simulator stops and restarts it"));
        List<SimulatedClient> clients = settings.setup() == Setup.REGISTER
                ? Registrar.atLeast(context, settings.clients(), registered) : null;
        PhaseMetrics down = new PhaseMetrics();
        PhaseMetrics recovery = new PhaseMetrics();
        PhaseOutcome outcome;
        long[] helloNanos = {-1};
        String tls;
        if (settings.kill()) {
            server.kill();
        } else {
            server.stop();
        }
        if (clients == null) {
            clients = SeededClients.seed(context, server, settings.clients());
        }
        try (HttpsTransport transport = context.openTransport(true)) {
            tls = transport.describeTls();
            RetryStorm storm = new RetryStorm(transport, clients, settings.policy(), settings.maxInFlight(), down);
            down.start();
            CompletableFuture<Void> allLicensed = storm.start();
            waitDown(context, down, settings.downTime());
            recovery.start();
            storm.switchMetrics(recovery);
            storm.markRecoveryStart();
            long restartNanos = System.nanoTime();
            CompletableFuture<Void> restarted = CompletableFuture.runAsync(() -> {
                server.start();
                helloNanos[0] = System.nanoTime() - restartNanos;
            });
            outcome = context.phases().run(NAME, recovery, clients.size(), () -> allLicensed
                    .completeOnTimeout(null, settings.giveUpAfter().toMillis(), TimeUnit.MILLISECONDS));
            storm.stop();
            restarted.join();
        }
        return result(context, settings, clients.size(), outcome, down.snapshot(), helloNanos[0], tls);
    }

    private static void waitDown(RunContext context, PhaseMetrics down, Duration downTime) {
        try (ProgressReporter reporter = ProgressReporter.start(NAME + " (server down)", down, -1,
                context.progress())) {
            Thread.sleep(downTime.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the server was down", e);
        }
        down.stop();
    }

    private static ScenarioResult result(RunContext context, Settings settings, int fleet, PhaseOutcome recovered,
            MetricsSnapshot whileDown, long helloNanos, String tls) {
        MetricsSnapshot afterRestart = recovered.metrics();
        Map<String, Long> allErrors = new LinkedHashMap<>(whileDown.errorsByLabel());
        afterRestart.errorsByLabel().forEach((kind, count) -> allErrors.merge(kind, count, Long::sum));
        boolean clean = ACCEPTABLE_ERRORS.containsAll(allErrors.keySet());
        ScenarioResult built = new ResultBuilder(NAME, fleet, ConnectionMode.FRESH, settings.maxInFlight())
                .note(ResultBuilder.VARIANT, "fresh")
                .note("tls", tls)
                .note("target", context.target().describe())
                .note("recoveredClients", afterRestart.operations() + " of " + fleet)
                .note("secondsUntilHello", helloNanos < 0 ? "n/a" : ResultBuilder.format(helloNanos / 1e9))
                .note("errorsWhileDown", whileDown.errorsByLabel())
                .note("attemptsPerSecondWhileDown", ResultBuilder.format(whileDown.seconds() <= 0 ? 0
                        : whileDown.errorCount() / whileDown.seconds()))
                .note("errorsAfterRestart", afterRestart.errorsByLabel())
                .note("onlyAcceptableErrors", clean)
                .note("retry", "every " + settings.policy().interval().toMillis() + " ms +/- "
                        + settings.policy().jitter().toMillis() + " ms, Retry-After honoured")
                .note("downTime", settings.downTime().toMillis() + " ms")
                .note("stop", settings.kill() ? "SIGKILL" : "SIGTERM")
                .note("setup", settings.setup() == Setup.SEED ? "licensed computers seeded into the stopped server's "
                        + "database (FleetSeeder)" : "registered through the protocol before the outage")
                .note("latency", "per client: time from the restart to its licensed answer")
                .build(recovered);
        return new ScenarioResult(built.scenario(), built.fleetSize(), built.connectionReuse(), built.concurrency(),
                built.operations(), built.seconds(), built.perSecond(), built.latencyMillis(), allErrors,
                built.server(), null, built.notes());
    }
}
