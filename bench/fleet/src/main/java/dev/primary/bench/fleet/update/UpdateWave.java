package dev.primary.bench.fleet.update;

import dev.primary.bench.fleet.client.SimulatedClient;
import dev.primary.bench.fleet.metrics.PhaseMetrics;
import dev.primary.bench.fleet.scenario.Budget;
import dev.primary.bench.fleet.scenario.ClientWorkload;
import dev.primary.bench.fleet.scenario.ClosedLoopRun;
import dev.primary.bench.fleet.scenario.Operation;
import dev.primary.bench.fleet.scenario.PhaseOutcome;
import dev.primary.bench.fleet.scenario.Registrar;
import dev.primary.bench.fleet.scenario.ResultBuilder;
import dev.primary.bench.fleet.scenario.RunContext;
import dev.primary.bench.fleet.transport.ConnectionMode;
import dev.primary.bench.fleet.transport.HttpsTransport;
import dev.primary.bench.harness.ScenarioResult;
import java.util.List;
import java.util.Objects;

/**
 * Update wave: M licensed clients download one package at once ({@code GET /v1/packages/<sha256>}, signed by
 * each client), each on its own fresh connection; the bodies are counted as they arrive and never kept. The figure
 * is bytes per second over the wave; the server's resident memory before the wave and at its peak show whether it
 * stays flat.
 */
public final class UpdateWave {
    public static final String NAME = "update-wave";

    private UpdateWave() {}

    /**
     * @param clients licensed clients that download the package
     * @param concurrency downloads at once (all of them, by default)
     */
    public record Settings(int clients, int concurrency) {
        public Settings {
            if (clients < 1 || concurrency < 1) {
                throw new IllegalArgumentException("an update wave needs at least 1 client and 1 download at once");
            }
        }
    }

    /** Runs the wave for {@code file}, which the server must already serve (see {@link ReleasePublisher}). */
    public static ScenarioResult run(RunContext context, Settings settings, PackageFile file,
            List<SimulatedClient> registered) {
        Objects.requireNonNull(file, "file");
        List<SimulatedClient> clients = Registrar.atLeast(context, settings.clients(), registered);
        long residentBefore = context.target().usage().map(probe -> probe.get().residentBytes()).orElse(-1L);
        PhaseMetrics metrics = new PhaseMetrics();
        PhaseOutcome outcome;
        String tls;
        try (HttpsTransport transport = context.openTransport(true)) {
            tls = transport.describeTls();
            outcome = context.phases().run(NAME, metrics, clients.size(), () -> new ClosedLoopRun(transport,
                    ConnectionMode.FRESH, settings.concurrency(), new ClientWorkload(clients,
                            Operation.download(file.sha256(), file.size()), Budget.count(clients.size()), false),
                    metrics).start());
        }
        ResultBuilder result = new ResultBuilder(NAME, clients.size(), ConnectionMode.FRESH, settings.concurrency())
                .bytesPerSecond()
                .note(ResultBuilder.VARIANT, "fresh")
                .note("tls", tls)
                .note("target", context.target().describe())
                .note("packageBytes", file.size())
                .note("packageSha256", file.sha256());
        if (residentBefore >= 0 && outcome.server() != null) {
            result.note("serverResidentBeforeBytes", residentBefore)
                    .note("serverResidentGrowthBytes", outcome.server().peakResidentBytes() - residentBefore);
        }
        return result.build(outcome);
    }
}
