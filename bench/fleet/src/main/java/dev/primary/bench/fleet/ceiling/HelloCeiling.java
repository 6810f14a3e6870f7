package dev.primary.bench.fleet.ceiling;

import dev.primary.bench.fleet.client.ClientProfile;
import dev.primary.bench.fleet.client.Fleet;
import dev.primary.bench.fleet.client.SimulatedClient;
import dev.primary.bench.fleet.metrics.PhaseMetrics;
import dev.primary.bench.fleet.scenario.Budget;
import dev.primary.bench.fleet.scenario.ClosedLoopRun;
import dev.primary.bench.fleet.scenario.FixedWork;
import dev.primary.bench.fleet.scenario.HelloWorldProcess;
import dev.primary.bench.fleet.scenario.InProcessTarget;
import dev.primary.bench.fleet.scenario.LoadShape;
import dev.primary.bench.fleet.scenario.PhaseOutcome;
import dev.primary.bench.fleet.scenario.ResultBuilder;
import dev.primary.bench.fleet.scenario.RunContext;
import dev.primary.bench.fleet.scenario.ServerTarget;
import dev.primary.bench.fleet.transport.BodyMode;
import dev.primary.bench.fleet.transport.ConnectionMode;
import dev.primary.bench.fleet.transport.Endpoint;
import dev.primary.bench.fleet.transport.HttpsTransport;
import dev.primary.bench.fleet.transport.OutgoingRequest;
import dev.primary.bench.fleet.transport.TransportSettings;
import dev.primary.bench.harness.HelloWorldServer;
import dev.primary.bench.harness.ScenarioResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The transport ceiling: the same transport against a bare hello-world endpoint on the server's own TLS stack
 * ({@link HelloWorldServer}, in this JVM), with a request shaped like a verify (same headers and body size,
 * signed once): fresh connections with full handshakes, fresh connections with resumed ones, and reuse.
 */
public final class HelloCeiling {
    public static final String NAME = "hello-ceiling";

    private HelloCeiling() {}

    /**
     * @param freshRequests requests per fresh-connection variant
     * @param reuseRequests requests of the reuse variant; 0 for none (its variant is left out)
     * @param freshConcurrency lanes of the fresh-connection variants
     * @param reuseConcurrency lanes of the reuse variant
     * @param limit each variant's time limit (it ends at its requests or then, whichever comes first), or null
     * @param warmupRequests requests before each variant's measured ones, not counted; {@link #DEFAULT_WARMUP} for a
     *     fifth of its requests, at most 2,000
     */
    public record Settings(long freshRequests, long reuseRequests, int freshConcurrency, int reuseConcurrency,
            Duration limit, long warmupRequests) {
        /** A fifth of a variant's requests, at most 2,000: what every ceiling published before 2026-12-08 used. */
        public static final long DEFAULT_WARMUP = -1;

        public Settings {
            if (freshRequests < 1 || reuseRequests < 0 || freshConcurrency < 1 || reuseConcurrency < 1) {
                throw new IllegalArgumentException("hello ceiling needs at least 1 request and 1 lane per variant"
                        + " (0 reuse requests leave the reuse variant out)");
            }
            if (warmupRequests < 0 && warmupRequests != DEFAULT_WARMUP) {
                throw new IllegalArgumentException("hello ceiling's warm-up must be 0 or more requests");
            }
        }

        public Settings(long freshRequests, long reuseRequests, int freshConcurrency, int reuseConcurrency,
                Duration limit) {
            this(freshRequests, reuseRequests, freshConcurrency, reuseConcurrency, limit, DEFAULT_WARMUP);
        }

        long warmupOf(long requests) {
            return warmupRequests == DEFAULT_WARMUP ? Math.min(2_000, Math.max(1, requests / 5)) : warmupRequests;
        }
    }

    /** Runs the three variants: {@code fresh-full}, {@code fresh-resumed}, {@code reuse}. */
    public static List<ScenarioResult> run(TransportSettings transport, PrintWriter progress, Settings settings) {
        return run(transport, progress, settings, true, true);
    }

    /**
     * Runs the fresh-connection variants ({@code fresh-full}, {@code fresh-resumed}), the {@code reuse} variant (unless
     * it has no requests), or all, in that order: measured right before the figures they are the ceiling of, they share that moment's
     * conditions on a machine whose other load drifts.
     */
    public static List<ScenarioResult> run(TransportSettings transport, PrintWriter progress, Settings settings,
            boolean fresh, boolean reuse) {
        return run(transport, progress, settings, fresh, reuse, InThisJvm.INSTANCE);
    }

    /** Where the hello-world endpoint runs. */
    public sealed interface Placement permits InThisJvm, OwnJvm {
        ServerTarget start();
    }

    /** In the simulator's JVM (the default, and what every published ceiling used): no process boundary. */
    public enum InThisJvm implements Placement {
        INSTANCE;

        @Override
        public ServerTarget start() {
            HelloWorldServer hello = HelloWorldServer.start(0);
            return new InProcessTarget(new Endpoint("127.0.0.1", hello.port(), hello.tlsPin()), "hello-world server",
                    hello);
        }
    }

    /** In a JVM of its own with these options, as the real server runs: the process boundary included. */
    public record OwnJvm(List<String> jvmOptions) implements Placement {
        public OwnJvm {
            jvmOptions = List.copyOf(jvmOptions);
        }

        @Override
        public ServerTarget start() {
            return HelloWorldProcess.start(jvmOptions);
        }
    }

    /** As {@link #run(TransportSettings, PrintWriter, Settings, boolean, boolean)}, with the endpoint placed so. */
    public static List<ScenarioResult> run(TransportSettings transport, PrintWriter progress, Settings settings,
            boolean fresh, boolean reuse, Placement placement) {
        List<ScenarioResult> results = new ArrayList<>();
        try (ServerTarget target = placement.start()) {
            RunContext context = new RunContext(target, transport, progress, RunContext.newRunId());
            OutgoingRequest request = verifyShapedRequest();
            if (fresh) {
                results.add(variant(context, request, new LoadShape(settings.freshConcurrency(),
                        ConnectionMode.FRESH, false), settings.freshRequests(), settings));
                results.add(variant(context, request, new LoadShape(settings.freshConcurrency(),
                        ConnectionMode.FRESH, true), settings.freshRequests(), settings));
            }
            if (reuse && settings.reuseRequests() > 0) {
                results.add(variant(context, request, new LoadShape(settings.reuseConcurrency(),
                        ConnectionMode.REUSE, false), settings.reuseRequests(), settings));
            }
        }
        return results;
    }

    private static ScenarioResult variant(RunContext context, OutgoingRequest request, LoadShape load, long requests,
            Settings settings) {
        Duration limit = settings.limit();
        long warmup = settings.warmupOf(requests);
        PhaseMetrics metrics = new PhaseMetrics();
        PhaseOutcome outcome;
        String tls;
        try (HttpsTransport transport = context.openTransport(load.resumption(), load.concurrency())) {
            tls = transport.describeTls();
            if (warmup > 0) {
                new ClosedLoopRun(transport, load.mode(), load.concurrency(), new FixedWork(request, BodyMode.KEEP, -1,
                        Budget.count(warmup)), new PhaseMetrics()).run();
            }
            outcome = context.phases().run(NAME + " (" + load.variant() + ")", metrics, requests,
                    () -> new ClosedLoopRun(transport, load.mode(), load.concurrency(), new FixedWork(request,
                            BodyMode.KEEP, -1, Budget.countWithin(requests, limit)), metrics).start());
        }
        return new ResultBuilder(NAME, 0, load.mode(), load.concurrency())
                .note(ResultBuilder.VARIANT, load.variant())
                .note("tls", tls)
                .note("warm-up", warmup + " requests, not counted")
                .note("target", context.target().describe())
                .note("request", request.toString() + ", shaped like a verify, signed once")
                .build(outcome);
    }

    /** A real verify request of a throw-away client, so headers and body have the real sizes. */
    static OutgoingRequest verifyShapedRequest() {
        SimulatedClient client = Fleet.create("CEILING", 0, 1, ClientProfile.standard()).clients().get(0);
        client.holdLease("00000000-0000-0000-0000-000000000000");
        return client.verify();
    }
}
