package dev.primary.bench.fleet.scenario;

import dev.primary.bench.fleet.client.SimulatedClient;
import dev.primary.bench.fleet.metrics.MetricsSnapshot;
import dev.primary.bench.fleet.metrics.PhaseMetrics;
import dev.primary.bench.fleet.transport.ConnectionMode;
import dev.primary.bench.fleet.transport.HttpsTransport;
import dev.primary.bench.harness.ScenarioResult;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Steady check-ins: N registered clients verify, round robin, {@code concurrency} at a time, for a number of
 * verifies or a duration. A warm-up round comes first (not measured). On fresh connections with resumption, the
 * warm-up lets every client check in once, so each holds a session ticket as a client that checked in before does.
 */
public final class Steady {
    public static final String NAME = "steady";

    private Steady() {}

    /**
     * When the measured phase has a time limit, the warm-up stops after this long even if it has not made its
     * verifies (a slow server). A phase bounded by a count alone warms for its whole count: its figure is compared
     * with a ceiling warmed as long.
     */
    static final Duration WARMUP_LIMIT = Duration.ofSeconds(10);

    /**
     * @param clients registered clients that check in
     * @param verifies verifies in the measured phase (at most)
     * @param limit the measured phase's time limit (it ends at {@code verifies} or at the limit, whichever comes
     *     first), or null for none
     * @param load concurrency and connection handling
     * @param warmupVerifies verifies before the measured phase, not counted (within 10 s when {@code limit} is set)
     * @param presign sign the phase's verifies before it ({@link PresignedRequests}): as many as it can make at the
     *     warm-up's rate, when a time limit bounds it
     * @param renewing each verify asks for a newly signed lease, as clients did before {@code keepsCurrentLease}
     *     (every check-in then signs a lease and commits); false: as the reference client now does
     * @param checkInKeys verifies use the client's check-in key (a MAC) once a signed verify handed it out
     */
    public record Settings(int clients, long verifies, Duration limit, LoadShape load, long warmupVerifies,
            boolean presign, boolean renewing, boolean checkInKeys) {
        public Settings(int clients, long verifies, Duration limit, LoadShape load, long warmupVerifies,
                boolean presign) {
            this(clients, verifies, limit, load, warmupVerifies, presign, false, false);
        }

        public Settings(int clients, long verifies, Duration limit, LoadShape load, long warmupVerifies,
                boolean presign, boolean renewing) {
            this(clients, verifies, limit, load, warmupVerifies, presign, renewing, false);
        }

        Operation verify() {
            return renewing ? Operation.VERIFY_RENEWING
                    : checkInKeys ? Operation.VERIFY_WITH_CHECK_IN_KEY : Operation.VERIFY;
        }

        public Settings {
            if (clients < 1 || verifies < 1 || warmupVerifies < 0) {
                throw new IllegalArgumentException("steady needs at least 1 client and 1 verify");
            }
            if (renewing && checkInKeys) {
                throw new IllegalArgumentException("--renewing and --check-in-keys cannot be combined");
            }
            if (limit != null && (limit.isNegative() || limit.isZero())) {
                throw new IllegalArgumentException("a steady phase's time limit must be positive, got " + limit);
            }
        }
    }

    /**
     * The warm-up's budget: its count, within {@link #WARMUP_LIMIT} when the measured phase has a time limit (unless
     * every client must check in once to hold a session).
     */
    static Budget warmupBudget(Settings settings, long warmup, boolean everyClientOnce) {
        return everyClientOnce || settings.limit() == null ? Budget.count(warmup)
                : Budget.countWithin(warmup, WARMUP_LIMIT);
    }

    /**
     * How many verifies the phase will make: its count, or (with a time limit) what the warm-up's rate makes in
     * the limit plus half again, if less; 0 when that cannot be told.
     */
    static long expectedVerifies(Settings settings, double warmupRate) {
        if (settings.limit() == null) {
            return settings.verifies();
        }
        if (warmupRate <= 0) {
            return settings.verifies() == Long.MAX_VALUE ? 0 : settings.verifies();
        }
        double inLimit = warmupRate * settings.limit().toMillis() / 1000.0 * 1.5;
        return (long) Math.min(settings.verifies(), Math.max(1_000, inLimit));
    }

    /** Runs against {@code registered} clients, registering more first (not measured) if there are too few. */
    public static ScenarioResult run(RunContext context, Settings settings, List<SimulatedClient> registered) {
        List<SimulatedClient> clients = Registrar.atLeast(context, settings.clients(), registered);
        LoadShape load = settings.load();
        long warmup = settings.warmupVerifies();
        if (load.mode() == ConnectionMode.FRESH && load.resumption()) {
            warmup = Math.max(warmup, clients.size());
        }
        PhaseMetrics metrics = new PhaseMetrics();
        PhaseOutcome outcome;
        String tls;
        long signedInline;
        long keyHolders;
        String warmupMade = "none";
        try (HttpsTransport transport = context.openTransport(load.resumption())) {
            tls = transport.describeTls();
            double warmupRate = 0;
            if (warmup > 0) {
                PhaseMetrics warming = new PhaseMetrics();
                boolean everyClientOnce = load.mode() == ConnectionMode.FRESH && load.resumption();
                new ClosedLoopRun(transport, load.mode(), load.concurrency(), new ClientWorkload(clients,
                        settings.verify(), warmupBudget(settings, warmup, everyClientOnce), true), warming).run();
                MetricsSnapshot warmed = warming.snapshot();
                warmupRate = warmed.perSecond();
                warmupMade = String.format(Locale.ROOT, "%d verifies in %.1f s, not counted", warmed.operations(),
                        warmed.seconds());
            }
            keyHolders = clients.stream().filter(SimulatedClient::holdsCheckInKey).count();
            long expected = expectedVerifies(settings, warmupRate);
            PresignedRequests presigned = settings.presign() && expected > 0
                    ? PresignedRequests.prepare(clients, settings.verify(), expected) : null;
            Budget budget = Budget.countWithin(settings.verifies(), settings.limit());
            outcome = context.phases().run(NAME + " (" + load.variant() + ")", metrics, budget.total(),
                    () -> new ClosedLoopRun(transport, load.mode(), load.concurrency(),
                            new ClientWorkload(clients, settings.verify(), presigned, budget, true), metrics).start());
            signedInline = presigned == null ? -1 : presigned.signedInline();
        }
        return new ResultBuilder(NAME, clients.size(), load.mode(), load.concurrency())
                .note(ResultBuilder.VARIANT, load.variant())
                .note("tls", tls)
                .note("target", context.target().describe())
                .note("warmupVerifies", warmup)
                .note("warm-up", warmupMade)
                .note("signing", signedInline < 0 ? "inline" : "presigned before the phase ("
                        + signedInline + " signed inline)")
                .note("checkInKeys", settings.checkInKeys() ? keyHolders + " of " + clients.size()
                        + " clients held one when the phase began" : "none: every verify signed")
                .build(outcome);
    }
}
