package dev.primary.bench.fleet.ceiling;

import dev.primary.bench.fleet.metrics.PhaseMetrics;
import dev.primary.bench.fleet.scenario.Budget;
import dev.primary.bench.fleet.scenario.ClosedLoopRun;
import dev.primary.bench.fleet.scenario.FixedWork;
import dev.primary.bench.fleet.scenario.InProcessTarget;
import dev.primary.bench.fleet.scenario.PhaseOutcome;
import dev.primary.bench.fleet.scenario.ResultBuilder;
import dev.primary.bench.fleet.scenario.RunContext;
import dev.primary.bench.fleet.transport.BodyMode;
import dev.primary.bench.fleet.transport.ConnectionMode;
import dev.primary.bench.fleet.transport.Endpoint;
import dev.primary.bench.fleet.transport.HttpsTransport;
import dev.primary.bench.fleet.transport.OutgoingRequest;
import dev.primary.bench.fleet.transport.TransportSettings;
import dev.primary.bench.fleet.update.PackageFile;
import dev.primary.bench.harness.ScenarioResult;
import dev.primary.bench.harness.StaticFileServer;
import java.io.PrintWriter;
import java.util.List;

/**
 * The update wave's ceiling: the same downloads (a fresh connection each, body counted and dropped) from a plain
 * static-file server on the server's own stack ({@link StaticFileServer}, in this JVM), serving the same file.
 */
public final class StaticFileCeiling {
    public static final String NAME = "static-file-ceiling";

    private StaticFileCeiling() {}

    /**
     * Downloads {@code file} {@code downloads} times, {@code concurrency} at once.
     */
    public static ScenarioResult run(TransportSettings transport, PrintWriter progress, PackageFile file,
            int downloads, int concurrency) {
        try (StaticFileServer server = StaticFileServer.start(0, file.path());
                InProcessTarget target = new InProcessTarget(new Endpoint("127.0.0.1", server.port(),
                        server.tlsPin()), "static-file server", () -> { })) {
            RunContext context = new RunContext(target, transport, progress, RunContext.newRunId());
            OutgoingRequest request = OutgoingRequest.get("/packages/" + file.sha256(), List.of());
            PhaseMetrics metrics = new PhaseMetrics();
            PhaseOutcome outcome;
            String tls;
            try (HttpsTransport https = context.openTransport(true, concurrency)) {
                tls = https.describeTls();
                outcome = context.phases().run(NAME, metrics, downloads, () -> new ClosedLoopRun(https,
                        ConnectionMode.FRESH, concurrency, new FixedWork(request, BodyMode.DISCARD, file.size(),
                                Budget.count(downloads)), metrics).start());
            }
            return new ResultBuilder(NAME, downloads, ConnectionMode.FRESH, concurrency)
                    .bytesPerSecond()
                    .note(ResultBuilder.VARIANT, "fresh")
                    .note("tls", tls)
                    .note("target", target.describe())
                    .note("packageBytes", file.size())
                    .build(outcome);
        }
    }
}
