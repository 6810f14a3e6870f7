package dev.primary.bench.fleet.suite;

import dev.primary.bench.fleet.ceiling.HelloCeiling;
import dev.primary.bench.fleet.ceiling.StaticFileCeiling;
import dev.primary.bench.fleet.client.SimulatedClient;
import dev.primary.bench.fleet.report.ResultFiles;
import dev.primary.bench.fleet.report.SuiteResults;
import dev.primary.bench.fleet.report.SuiteResults.Role;
import dev.primary.bench.fleet.scenario.ColdStart;
import dev.primary.bench.fleet.scenario.LoadShape;
import dev.primary.bench.fleet.scenario.ManagedTarget;
import dev.primary.bench.fleet.scenario.OutageRecovery;
import dev.primary.bench.fleet.scenario.ResultBuilder;
import dev.primary.bench.fleet.scenario.RunContext;
import dev.primary.bench.fleet.scenario.Steady;
import dev.primary.bench.fleet.transport.ConnectionMode;
import dev.primary.bench.fleet.update.ReleasePublisher;
import dev.primary.bench.fleet.update.ScratchPackage;
import dev.primary.bench.fleet.update.UpdateWave;
import dev.primary.bench.harness.ClientIdle;
import dev.primary.bench.harness.LargeFleet;
import dev.primary.bench.harness.ManagedServer;
import dev.primary.bench.harness.ScenarioResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the issue asks, in one JVM against one managed server, in an order that reuses what earlier parts
 * made, each ceiling measured right before the figures judged against it (the machine's other load drifts): the
 * hello-world reuse ceiling, then cold start with connection reuse, whose clients check in (steady); the
 * fresh-connection ceilings, then cold start on fresh connections, whose clients check in on fresh connections
 * (resumed, then full handshakes);
 * the update wave and its static-file ceiling; outage recovery last, as it restarts the server. Each result is
 * written as soon as it is measured, with its fraction of the matching ceiling.
 */
public final class Suite {
    private static final String LARGE_FLEET_SERIAL = "LARGE-FLEET-1";
    private final RunContext context;
    private final SuiteSettings settings;
    private final Path resultsDirectory;
    private final SuiteResults results = new SuiteResults();
    private final List<SimulatedClient> registered = new ArrayList<>();

    public Suite(RunContext context, SuiteSettings settings, Path resultsDirectory) {
        this.context = Objects.requireNonNull(context, "context");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.resultsDirectory = Objects.requireNonNull(resultsDirectory, "resultsDirectory");
    }

    public SuiteResults run() {
        if (settings.runs(SuitePart.HELLO)) {
            List<ScenarioResult> ceiling = HelloCeiling.run(context.transportSettings(), context.progress(),
                    settings.hello(), false, true);
            record(Role.HELLO_REUSE, ceiling.get(0), null);
        }
        if (settings.runs(SuitePart.REUSE)) {
            reuse();
        }
        if (settings.runs(SuitePart.HELLO)) {
            List<ScenarioResult> ceilings = HelloCeiling.run(context.transportSettings(), context.progress(),
                    settings.hello(), true, false);
            record(Role.HELLO_FRESH_FULL, ceilings.get(0), null);
            record(Role.HELLO_FRESH_RESUMED, ceilings.get(1), null);
        }
        if (settings.runs(SuitePart.FRESH)) {
            fresh();
        }
        if (settings.runs(SuitePart.UPDATE_WAVE) && context.target().managed().isPresent()) {
            updateWave();
        }
        if (settings.runs(SuitePart.OUTAGE) && context.target().managed().isPresent()) {
            record(Role.OUTAGE_RECOVERY, OutageRecovery.run(context, settings.outage(), registered), null);
        }
        if (settings.runs(SuitePart.CLIENT_IDLE) && context.target().managed().isPresent()) {
            clientIdle(context.target().managed().orElseThrow());
        }
        if (settings.runs(SuitePart.LARGE_FLEET)) {
            largeFleet();
        }
        return results;
    }

    private void reuse() {
        LoadShape load = new LoadShape(settings.reuseConcurrency(), ConnectionMode.REUSE, false);
        ColdStart.Outcome cold = ColdStart.run(context, new ColdStart.Settings(settings.registerClients(), load,
                settings.warmupClients(), settings.presign(), settings.phaseLimit()));
        registered.addAll(cold.registered());
        record(Role.REGISTER_REUSE, cold.result(), Role.HELLO_REUSE);
        record(Role.VERIFY_REUSE, Steady.run(context, new Steady.Settings(settings.registerClients(),
                settings.verifies(), settings.phaseLimit(), load, Math.min(20_000, settings.verifies() / 10),
                settings.presign()),
                cold.registered()),
                Role.HELLO_REUSE);
    }

    private void fresh() {
        int concurrency = settings.freshConcurrency();
        ColdStart.Outcome cold = ColdStart.run(context, new ColdStart.Settings(settings.freshClients(),
                new LoadShape(concurrency, ConnectionMode.FRESH, false), Math.min(settings.warmupClients(), 500),
                settings.presign(), settings.phaseLimit()));
        registered.addAll(cold.registered());
        record(Role.REGISTER_FRESH_FULL, cold.result(), Role.HELLO_FRESH_FULL);
        List<SimulatedClient> clients = cold.registered();
        record(Role.VERIFY_FRESH_RESUMED, Steady.run(context, new Steady.Settings(clients.size(),
                settings.freshVerifies(), settings.phaseLimit(), new LoadShape(concurrency, ConnectionMode.FRESH, true),
                0,
                settings.presign()), clients),
                Role.HELLO_FRESH_RESUMED);
        record(Role.VERIFY_FRESH_FULL, Steady.run(context, new Steady.Settings(clients.size(),
                settings.freshVerifies(), settings.phaseLimit(), new LoadShape(concurrency, ConnectionMode.FRESH, false),
                Math.min(1_000, settings.freshVerifies() / 10), settings.presign()), clients),
                Role.HELLO_FRESH_FULL);
    }

    private void updateWave() {
        try (ScratchPackage scratch = ScratchPackage.create(settings.packageBytes())) {
            ReleasePublisher.publish(context.target().managed().orElseThrow(), scratch.file(), scratch.directory());
            UpdateWave.Settings wave = new UpdateWave.Settings(settings.waveClients(), settings.waveClients());
            ScenarioResult measured = UpdateWave.run(context, wave, scratch.file(), registered);
            ScenarioResult ceiling = StaticFileCeiling.run(context.transportSettings(), context.progress(),
                    scratch.file(), settings.waveClients(), settings.waveClients());
            record(Role.STATIC_FILE, ceiling, null);
            record(Role.UPDATE_WAVE, measured, Role.STATIC_FILE);
        }
    }

    private void clientIdle(ManagedServer server) {
        SuiteSettings.ClientIdleSettings idle = settings.clientIdle();
        context.progress().println("client-idle: bin/client-service licensed, settling " + idle.settle().toSeconds()
                + " s, then measuring " + idle.window().toSeconds() + " s; " + idle.rounds() + " starts of "
                + (1 + idle.variants().size()) + " configuration(s) ...");
        context.progress().flush();
        record(Role.CLIENT_IDLE, ClientIdle.measure(idle.repository(), server, server.dataDirectory().resolveSibling(
                "client-idle"), idle.settle(), idle.window(), idle.rounds(), idle.variants()), null);
    }

    /** On a server of its own, so that the million computers meet none of the other parts' clients. */
    private void largeFleet() {
        SuiteSettings.LargeFleetSettings large = settings.largeFleet();
        context.progress().println("large-fleet: seeding " + large.computers() + " computers into a server of its own ...");
        context.progress().flush();
        Path work;
        try {
            work = Files.createTempDirectory("fleet-large-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a work directory for the large fleet", e);
        }
        try (ManagedServer server = new ManagedServer(work, List.of("-Xmx1g"), List.of())) {
            server.start();
            server.license(LARGE_FLEET_SERIAL, Math.max(1, large.licensed()));
            record(Role.LARGE_FLEET, LargeFleet.measure(server, LARGE_FLEET_SERIAL, large.computers(),
                    large.licensed()), null);
        } finally {
            ManagedTarget.deleteTree(work);
        }
    }

    private void record(Role role, ScenarioResult result, Role ceiling) {
        ScenarioResult judged = ceiling == null ? result
                : ResultBuilder.withCeiling(result, results.get(ceiling).orElse(null));
        results.put(role, judged);
        Path file = ResultFiles.write(resultsDirectory, judged);
        context.progress().println("wrote " + file);
        context.progress().flush();
    }
}
