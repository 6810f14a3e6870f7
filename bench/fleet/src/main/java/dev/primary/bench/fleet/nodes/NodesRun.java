package dev.primary.bench.fleet.nodes;

import dev.primary.bench.fleet.scenario.ColdStart;
import dev.primary.bench.fleet.scenario.LoadShape;
import dev.primary.bench.fleet.scenario.ManagedTarget;
import dev.primary.bench.fleet.scenario.RunContext;
import dev.primary.bench.fleet.scenario.Steady;
import dev.primary.bench.fleet.transport.TransportSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Runs each configuration in turn on one machine: starts its servers (and, for PostgreSQL, a fresh database on the
 * run's one PostgreSQL), registers the clients (measured: each a durable seat grant), then lets them check in with
 * connection reuse (measured), and stops the servers before the next configuration.
 */
public final class NodesRun {
    /**
     * @param configurations what to run, in order
     * @param clients clients registered (then checking in) per configuration
     * @param duration the longest each measured phase runs
     * @param warmupClients clients registered before the registration phase, not counted
     * @param warmupVerifies check-ins before the check-in phase, not counted
     * @param load concurrency and connection reuse
     * @param checkInKeys check-ins authenticated with check-in keys once they hold one, instead of signed
     * @param jvmOptions each server JVM's options
     * @param work where servers and PostgreSQL keep their files (emptied afterwards)
     */
    public record Settings(List<Configuration> configurations, int clients, Duration duration, int warmupClients,
            long warmupVerifies, LoadShape load, boolean checkInKeys, List<String> jvmOptions, Path work) {
        public Settings {
            configurations = List.copyOf(configurations);
            jvmOptions = List.copyOf(jvmOptions);
            if (configurations.isEmpty()) {
                throw new IllegalArgumentException("give at least one configuration");
            }
            if (clients < 1 || warmupClients < 0 || warmupVerifies < 0) {
                throw new IllegalArgumentException("clients must be at least 1 and warm-ups not negative");
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("the phase duration must be positive, got " + duration);
            }
        }
    }

    private NodesRun() {}

    public static NodesReport run(Settings settings, TransportSettings transport, PrintWriter progress) {
        List<ConfigurationFigures> figures = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        boolean needsPostgres = settings.configurations().stream().anyMatch(Configuration::postgresql);
        try {
            Files.createDirectories(settings.work());
            Path passwordFile = Files.writeString(settings.work().resolve("store-password"),
                    FleetDatabase.PASSWORD + "\n");
            FleetDatabase database = null;
            try {
                if (needsPostgres) {
                    say(progress, "starting PostgreSQL (embedded, synchronous_commit=on) ...");
                    database = FleetDatabase.start(settings.work().resolve("postgresql"), 300);
                }
                for (Configuration configuration : settings.configurations()) {
                    try {
                        figures.add(runOne(settings, configuration, database, passwordFile, transport, progress));
                    } catch (RuntimeException e) {
                        // the others' figures are kept; the report says which one failed and why
                        say(progress, configuration.label() + " FAILED: " + e.getMessage());
                        failures.add(configuration.label() + " FAILED: " + e.getMessage());
                    }
                }
            } finally {
                if (database != null) {
                    database.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + settings.work() + ": " + e.getMessage(), e);
        } finally {
            ManagedTarget.deleteTree(settings.work());
        }
        List<String> notes = new ArrayList<>(notes(settings));
        notes.addAll(failures);
        return new NodesReport(notes, figures, failures.size());
    }

    private static ConfigurationFigures runOne(Settings settings, Configuration configuration, FleetDatabase database,
            Path passwordFile, TransportSettings transport, PrintWriter progress) {
        List<String> store = new ArrayList<>();
        OptionalLong postgresPid = OptionalLong.empty();
        if (configuration.postgresql()) {
            store.addAll(List.of("--store", "postgresql", "--store-url", database.freshDatabase(), "--store-user",
                    FleetDatabase.USER, "--store-password-file", passwordFile.toString()));
            postgresPid = database.postmasterPid();
        }
        int seats = settings.clients() + settings.warmupClients() + 1000;
        say(progress, configuration.label() + ": starting " + configuration.servers() + " server(s) ...");
        Path work = settings.work().resolve(configuration.toString().replace(':', '-'));
        try (NodeFleet fleet = NodeFleet.start(work, configuration.servers(), store, settings.jvmOptions(), seats,
                postgresPid, configuration.label())) {
            RunContext context = new RunContext(fleet, transport, progress, RunContext.newRunId());
            Map<String, Long> before = fleet.cpuByProcess();
            ColdStart.Outcome registered = ColdStart.run(context, new ColdStart.Settings(settings.clients(),
                    settings.load(), settings.warmupClients(), false, settings.duration()));
            Map<String, Long> afterRegistrations = fleet.cpuByProcess();
            PhaseFigures registrations = PhaseFigures.of(registered.result(), delta(before, afterRegistrations));
            say(progress, configuration.label() + ": " + Math.round(registrations.perSecond()) + " registrations/s");
            // Every configuration checks in with the same fleet: clients the timed registrations did not reach
            // register first, unmeasured.
            var steady = Steady.run(context, new Steady.Settings(settings.clients(), Long.MAX_VALUE,
                    settings.duration(), settings.load(), settings.warmupVerifies(), true, false, settings.checkInKeys()),
                    registered.registered());
            PhaseFigures checkIns = PhaseFigures.of(steady, delta(afterRegistrations, fleet.cpuByProcess()));
            say(progress, configuration.label() + ": " + Math.round(checkIns.perSecond()) + " check-ins/s"
                    + (settings.checkInKeys() ? ", " + steady.notes().get("checkInKeys") : ""));
            return new ConfigurationFigures(configuration.label(), configuration.store(), configuration.servers(),
                    settings.clients(), registrations, checkIns);
        } finally {
            ManagedTarget.deleteTree(work);
        }
    }

    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new LinkedHashMap<>();
        after.forEach((process, nanos) -> delta.put(process, Math.max(0, nanos - before.getOrDefault(process, 0L))));
        return delta;
    }

    private static List<String> notes(Settings settings) {
        Runtime runtime = Runtime.getRuntime();
        return List.of(
                "machine: " + runtime.availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch") + ", Java " + Runtime.version().feature()
                        + "; every server, PostgreSQL and the simulator share these cores",
                settings.clients() + " clients per configuration (open enrollment, every registration a durable "
                        + "seat grant), " + settings.load().concurrency() + " in flight, connection reuse; each "
                        + "measured phase at most " + settings.duration().toSeconds() + " s; all of them check in "
                        + "(those the timed registrations did not reach register first, unmeasured)",
                "warm-up (not counted): " + settings.warmupClients() + " registrations, " + settings.warmupVerifies()
                        + " check-ins; check-ins "
                        + (settings.checkInKeys() ? "with check-in keys (HMAC) once the warm-up handed them out"
                                : "signed (Ed25519)") + "; server JVM options: " + String.join(" ", settings.jvmOptions()),
                "PostgreSQL: embedded, one for the run, a fresh database per configuration, synchronous_commit=on",
                "CPU ms per operation: the measured phase's CPU of all processes, split by each one's share over "
                        + "the phase with its warm-up; servers' figure is their sum (each in brackets)");
    }

    private static void say(PrintWriter progress, String line) {
        progress.println("nodes: " + line);
        progress.flush();
    }
}
