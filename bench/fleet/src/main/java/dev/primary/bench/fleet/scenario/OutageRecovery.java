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
 * Outage recovery: N registered clients; by default each first checks in once over its own fresh TLS connection
 * ({@link SessionPriming}), so it holds a session ticket as a client that checked in before the outage does; the
 * managed server is stopped; every client keeps retrying its check-in on a fresh connection ({@link RetryPolicy},
 * offering its ticket); after the down time the server is started again on the same port and data directory (its
 * ticket keys kept). Measured: the time from the restart until every client has had a licensed answer (its recovery
 * time is its latency), which handshakes were resumed, and every non-licensed outcome by kind. Only refused
 * connections and 503 retry-later are acceptable.
 */
public final class OutageRecovery {
    public static final String NAME = "outage-recovery";
    /** What a client may see while the server is away: nothing else counts as a clean recovery. */
    public static final Set<String> ACCEPTABLE_ERRORS = Set.of("connect-refused", "http-503");
    /** The target: every client licensed again within this long after the server returns. */
    static final Duration TARGET = Duration.ofSeconds(60);

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
     * @param downTime how long the server stays down, or null for the policy's longest pause (so every client has
     *     failed at least once, and the fleet's attempts are spread over the interval, when it comes back)
     * @param maxInFlight attempts in flight at once (the simulator's connection budget)
     * @param giveUpAfter how long after the restart the simulator stops waiting
     * @param kill stop the server with SIGKILL instead of SIGTERM
     * @param sessions every client checks in once before the outage, so it holds a TLS session (false: none has
     *     one, and every recovery handshake is a full one)
     * @param checkInKeys check-ins are authenticated as the Client Service's are: a signed one asks for a check-in
     *     key, and once a client holds one (from its check-in before the outage) its check-ins carry a MAC made with
     *     it (false: every check-in is signed, as before check-in keys)
     */
    public record Settings(int clients, Setup setup, RetryPolicy policy, Duration downTime, int maxInFlight,
            Duration giveUpAfter, boolean kill, boolean sessions, boolean checkInKeys) {
        public Settings {
            java.util.Objects.requireNonNull(setup, "setup");
            java.util.Objects.requireNonNull(policy, "policy");
            if (clients < 1 || maxInFlight < 1) {
                throw new IllegalArgumentException("outage recovery needs at least 1 client and 1 attempt in flight");
            }
            if (downTime != null && (downTime.isNegative() || downTime.isZero())) {
                throw new IllegalArgumentException("the down time must be positive, got " + downTime);
            }
        }

        /** How long the server stays down: as given, or one longest pause of the retry policy. */
        public Duration effectiveDownTime() {
            return downTime != null ? downTime : policy.longestPause();
        }
    }

    /** The check-in a client makes: the Client Service's (with its check-in key once it holds one) or signed. */
    static Operation checkIn(Settings settings) {
        return settings.checkInKeys() ? Operation.VERIFY_WITH_CHECK_IN_KEY : Operation.VERIFY;
    }

    public static ScenarioResult run(RunContext context, Settings settings, List<SimulatedClient> registered) {
        ManagedServer server = context.target().managed().orElseThrow(() -> new IllegalArgumentException(
                NAME + " needs a managed server (--managed): the simulator stops and restarts it"));
        List<SimulatedClient> clients;
        if (settings.setup() == Setup.REGISTER) {
            clients = Registrar.atLeast(context, settings.clients(), registered);
        } else if (settings.sessions()) {
            server.stop();
            clients = SeededClients.seed(context, server, settings.clients());
            server.start();
        } else {
            clients = null; // seeded once the server is down for the outage
        }
        PhaseMetrics down = new PhaseMetrics();
        PhaseMetrics recovery = new PhaseMetrics();
        PhaseOutcome outcome;
        long[] helloNanos = {-1};
        String tls;
        SessionPriming.Outcome primed = null;
        Recovered recovered;
        int ticketSlots = Math.max(1, context.clientNumbersSoFar() + (clients == null ? settings.clients() : 0));
        try (HttpsTransport transport = context.openTransport(true, ticketSlots)) {
            tls = transport.describeTls();
            if (settings.sessions()) {
                primed = SessionPriming.prime(transport, clients, settings.maxInFlight(), checkIn(settings),
                        context.progress());
                context.progress().println("primed: " + primed.describe());
                context.progress().flush();
            }
            if (settings.kill()) {
                server.kill();
            } else {
                server.stop();
            }
            if (clients == null) {
                clients = SeededClients.seed(context, server, settings.clients());
            }
            if (transport.settings().ticketSlots() < context.clientNumbersSoFar()) {
                throw new IllegalStateException("the transport's ticket slots do not cover the seeded clients");
            }
            RetryStorm storm = new RetryStorm(transport, clients, checkIn(settings), settings.policy(),
                    settings.maxInFlight(), down);
            down.start();
            CompletableFuture<Void> allLicensed = storm.start();
            waitDown(context, down, settings.effectiveDownTime());
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
            long target = TARGET.toNanos();
            long firstAnswer = firstAnswerNanos(helloNanos[0], storm.firstLicensedNanos());
            recovered = new Recovered(storm.licensedCount(), storm.licensedWithin(target), firstAnswer,
                    firstAnswer < 0 ? -1 : storm.licensedWithin(firstAnswer + target));
            tls += "; handshakes by key exchange, priming and recovery: " + transport.keyExchanges();
        }
        return result(context, settings, clients.size(), outcome, down.snapshot(), helloNanos[0], tls, primed,
                recovered);
    }

    /**
     * How many clients were licensed: in all, within the target after the restart, and within it after the server's
     * first answer (nanoseconds after the restart, -1 if none came).
     */
    private record Recovered(int all, int withinTargetOfRestart, long firstAnswerNanos, int withinTargetOfFirstAnswer) {
    }

    /**
     * The server's first answer after the restart: the earlier of its start returning (the harness's readiness probe,
     * which competes with the storm) and the first licensed answer to a client; -1 when neither came.
     */
    static long firstAnswerNanos(long readyNanos, long firstLicensedNanos) {
        if (readyNanos < 0) {
            return firstLicensedNanos;
        }
        return firstLicensedNanos < 0 ? readyNanos : Math.min(readyNanos, firstLicensedNanos);
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

    private static ScenarioResult result(RunContext context, Settings settings, int fleet, PhaseOutcome phase,
            MetricsSnapshot whileDown, long helloNanos, String tls, SessionPriming.Outcome primed,
            Recovered recovered) {
        MetricsSnapshot afterRestart = phase.metrics();
        Map<String, Long> allErrors = new LinkedHashMap<>(whileDown.errorsByLabel());
        afterRestart.errorsByLabel().forEach((kind, count) -> allErrors.merge(kind, count, Long::sum));
        boolean clean = ACCEPTABLE_ERRORS.containsAll(allErrors.keySet());
        double lastLicensed = afterRestart.latency().max() / 1000.0;
        long target = TARGET.toSeconds();
        ScenarioResult built = new ResultBuilder(NAME, fleet, ConnectionMode.FRESH, settings.maxInFlight())
                .note(ResultBuilder.VARIANT, "fresh")
                .note("tls", tls)
                .note("target", context.target().describe())
                .note("sessions", primed == null ? "none: no client held a TLS session before the outage "
                        + "(--no-sessions), so every recovery handshake is a full one" : primed.describe())
                .note("checkIns", settings.checkInKeys() ? "as the Client Service's: with the client's check-in key "
                        + "(a MAC) once it holds one, signed and asking for one until then" : "every one signed "
                        + "(--no-check-in-keys)")
                .note("recoveredClients", recovered.all() + " of " + fleet)
                .note("secondsUntilHello", helloNanos < 0 ? "n/a" : ResultBuilder.format(helloNanos / 1e9))
                .note("secondsUntilFirstAnswer", recovered.firstAnswerNanos() < 0 ? "n/a"
                        : ResultBuilder.format(recovered.firstAnswerNanos() / 1e9))
                .note("secondsUntilLastLicensed", recovered.all() == 0 ? "n/a" : ResultBuilder.format(lastLicensed)
                        + (recovered.all() < fleet ? " (not all licensed)" : ""))
                .note("licensedWithin" + target + "sOfRestart", recovered.withinTargetOfRestart())
                .note("licensedWithin" + target + "sOfFirstAnswer", recovered.withinTargetOfFirstAnswer() < 0 ? "n/a"
                        : recovered.withinTargetOfFirstAnswer())
                .note("recoveryHandshakes", "full " + afterRestart.fullHandshakes() + ", resumed "
                        + afterRestart.resumedHandshakes() + (afterRestart.resumedShare() < 0 ? ""
                        : " (" + ResultBuilder.format(afterRestart.resumedShare() * 100) + " % resumed)"))
                .note("errorsWhileDown", whileDown.errorsByLabel())
                .note("attemptsPerSecondWhileDown", ResultBuilder.format(whileDown.seconds() <= 0 ? 0
                        : whileDown.errorCount() / whileDown.seconds()))
                .note("errorsAfterRestart", afterRestart.errorsByLabel())
                .note("onlyAcceptableErrors", clean)
                .note("retry", settings.policy().describe() + ", Retry-After honoured; first attempts spread over "
                        + "one interval")
                .note("downTime", settings.effectiveDownTime().toMillis() + " ms")
                .note("stop", settings.kill() ? "SIGKILL" : "SIGTERM")
                .note("setup", settings.setup() == Setup.SEED ? "licensed computers seeded into the stopped server's "
                        + "database (FleetSeeder)" : "registered through the protocol before the outage")
                .note("latency", "per client: time from the restart to its licensed answer")
                .build(phase);
        return new ScenarioResult(built.scenario(), built.fleetSize(), built.connectionReuse(), built.concurrency(),
                built.operations(), built.seconds(), built.perSecond(), built.latencyMillis(), allErrors,
                built.server(), null, built.notes());
    }
}
