package dev.primary.bench.fleet.cli;

import dev.primary.bench.fleet.ceiling.HelloCeiling;
import dev.primary.bench.fleet.report.ResultTable;
import dev.primary.bench.fleet.report.SuiteResults;
import dev.primary.bench.fleet.report.SuiteSummary;
import dev.primary.bench.fleet.report.SummaryMarkdown;
import dev.primary.bench.fleet.scenario.OutageRecovery;
import dev.primary.bench.fleet.scenario.RetryPolicy;
import dev.primary.bench.fleet.scenario.RunContext;
import dev.primary.bench.fleet.scenario.ServerTarget;
import dev.primary.bench.fleet.suite.Suite;
import dev.primary.bench.fleet.suite.SuitePart;
import dev.primary.bench.fleet.suite.SuiteSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "suite", mixinStandardHelpOptions = true,
        description = {"Runs every figure of the benchmark in one JVM against one managed server, each ceiling right "
                + "before the figures judged against it: the hello-world reuse ceiling, cold start and steady "
                + "check-ins with connection reuse; the hello-world fresh-connection ceilings, cold start and "
                + "check-ins on fresh connections (full and resumed handshakes); the static-file ceiling and the "
                + "update wave; outage recovery last (it restarts the server).",
                "Writes every result as JSON and a summary.md (figure, target, measured, fraction of ceiling, met?) "
                        + "into --results; the defaults take about 8-10 minutes on a 2-core machine."})
final class SuiteCommand implements Callable<Integer> {
    @Option(names = "--results", paramLabel = "DIR", defaultValue = "fleet-results",
            description = "Where the results JSON and summary.md go. Default: ${DEFAULT-VALUE}.")
    Path results;

    @Option(names = "--concurrency", paramLabel = "C", defaultValue = "64",
            description = "Lanes of the connection-reuse parts. Default: ${DEFAULT-VALUE}.")
    int reuseConcurrency;

    @Option(names = "--fresh-concurrency", paramLabel = "C", defaultValue = "32",
            description = "Lanes of the fresh-connection parts. Default: ${DEFAULT-VALUE}.")
    int freshConcurrency;

    @Option(names = "--hello-fresh-requests", paramLabel = "N", defaultValue = "10000",
            description = "Requests per fresh-connection hello-world variant. Default: ${DEFAULT-VALUE}.")
    long helloFreshRequests;

    @Option(names = "--hello-reuse-requests", paramLabel = "N", defaultValue = "200000",
            description = "Requests of the hello-world reuse variant. Default: ${DEFAULT-VALUE}.")
    long helloReuseRequests;

    @Option(names = "--register-clients", paramLabel = "N", defaultValue = "20000",
            description = "Clients registering with connection reuse (then checking in). Default: ${DEFAULT-VALUE}.")
    int registerClients;

    @Option(names = "--warmup-clients", paramLabel = "N", defaultValue = "2000",
            description = "Clients registered before a cold start, not measured. Default: ${DEFAULT-VALUE}.")
    int warmupClients;

    @Option(names = "--verifies", paramLabel = "N", defaultValue = "300000",
            description = "Check-ins with connection reuse. Default: ${DEFAULT-VALUE}.")
    long verifies;

    @Option(names = "--fresh-clients", paramLabel = "N", defaultValue = "5000",
            description = "Clients registering on fresh connections (then checking in on fresh connections). "
                    + "Default: ${DEFAULT-VALUE}.")
    int freshClients;

    @Option(names = "--fresh-verifies", paramLabel = "N", defaultValue = "10000",
            description = "Check-ins per fresh-connection variant (resumed, full). Default: ${DEFAULT-VALUE}.")
    long freshVerifies;

    @Option(names = "--outage-clients", paramLabel = "N", defaultValue = "100000",
            description = "Clients going through the outage. Default: ${DEFAULT-VALUE}.")
    int outageClients;

    @Option(names = "--retry-interval", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "Outage: pause between a client's attempts (the Client Service's intervals.retry). "
                    + "Default: ${DEFAULT-VALUE}.")
    Duration retryInterval;

    @Option(names = "--jitter", paramLabel = "PERCENT|DURATION", defaultValue = "-5%",
            description = "Outage: random deviation of each pause, a per cent of the interval or a duration, either "
                    + "way; with a leading minus only sooner. Default: ${DEFAULT-VALUE} (the Client Service's).")
    String jitter;

    @Option(names = "--down-time", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Outage: how long the server stays down. Default: the longest pause (the retry interval, "
                    + "plus its jitter when it goes either way).")
    Duration downTime;

    @Option(names = "--outage-no-sessions", negatable = false,
            description = "Outage: no check-in before the outage, so no client holds a TLS session to resume.")
    boolean outageNoSessions;

    @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = "256",
            description = "Outage: attempts in flight at once. Default: ${DEFAULT-VALUE}.")
    int maxInFlight;

    @Option(names = "--give-up-after", paramLabel = "DURATION", defaultValue = "120s",
            converter = DurationConverter.class,
            description = "Outage: stop waiting for the clients this long after the restart (twice the 60 s target). "
                    + "Default: ${DEFAULT-VALUE}.")
    Duration giveUpAfter;

    @Option(names = "--phase-limit", paramLabel = "DURATION", defaultValue = "30s",
            converter = DurationConverter.class,
            description = "Time limit of each measured load phase: it ends at its count or then, whichever comes first, "
                    + "so the suite's length does not depend on the server's speed. Default: ${DEFAULT-VALUE}.")
    Duration phaseLimit;

    @Option(names = "--outage-setup", paramLabel = "seed|register", defaultValue = "seed",
            description = "Outage: seed the clients' computers into the stopped server's database, or register them "
                    + "through the protocol first. Default: ${DEFAULT-VALUE}.")
    OutageRecovery.Setup outageSetup;

    @Option(names = "--wave-clients", paramLabel = "M", defaultValue = "200",
            description = "Update wave: clients downloading at once. Default: ${DEFAULT-VALUE}.")
    int waveClients;

    @Option(names = "--package-mb", paramLabel = "MIB", defaultValue = "100",
            description = "Update wave: package size in MiB. Default: ${DEFAULT-VALUE}.")
    int packageMebibytes;

    @Option(names = "--large-fleet", paramLabel = "N", defaultValue = "1000000",
            description = "Large fleet: computers in the store of its own server (9 in 10 licensed). "
                    + "Default: ${DEFAULT-VALUE}.")
    int largeFleet;

    @Option(names = "--idle-window", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "Client idle: how long the licensed Client Service's CPU is measured. Default: ${DEFAULT-VALUE}.")
    Duration idleWindow;

    @Option(names = "--idle-settle", paramLabel = "DURATION", defaultValue = "20s", converter = DurationConverter.class,
            description = "Client idle: how long it runs after its license before the measurement. "
                    + "Default: ${DEFAULT-VALUE}.")
    Duration idleSettle;

    @Option(names = "--idle-rounds", paramLabel = "N", defaultValue = "3",
            description = "Client idle: starts of each configuration; the result is the median. Default: ${DEFAULT-VALUE}.")
    int idleRounds;

    @Option(names = "--idle-variant", paramLabel = "LABEL=JVM-OPTIONS",
            description = "Client idle: also measure the launcher's options plus these (through PRIMARY_JAVA_OPTS), "
                    + "in turn with the shipped configuration; repeatable. A -XX:SharedArchiveFile that does not exist "
                    + "is written first by a training start (-XX:ArchiveClassesAtExit).")
    java.util.Map<String, String> idleVariants = new java.util.LinkedHashMap<>();

    @Option(names = "--repository", paramLabel = "DIR", defaultValue = ".",
            description = "Client idle: the project's root, whose bin/deployment-utility and bin/client-service "
                    + "(built beforehand) are measured. Default: the current directory.")
    Path repository;

    @Option(names = "--sign-inline",
            description = "Sign each request while a phase runs instead of before it (see the scenarios' --help).")
    boolean signInline;

    @Option(names = "--skip", paramLabel = "PART", split = ",",
            description = "Parts to leave out, comma-separated: ${COMPLETION-CANDIDATES}.")
    Set<SuitePart> skipped = EnumSet.noneOf(SuitePart.class);

    @Mixin
    TargetOptions target;

    @Mixin
    TransportOptions transport;

    private final Console console;

    SuiteCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        SuiteSettings settings = settings();
        long start = System.nanoTime();
        try (ServerTarget server = target.open(console.err())) {
            if (server.managed().isEmpty()) {
                console.err().println("an external server: the update wave and outage recovery need a managed one "
                        + "and are left out");
            }
            RunContext context = new RunContext(server, transport.settings(), console.err(), RunContext.newRunId());
            SuiteResults measured = new Suite(context, settings, results).run();
            ResultTable.print(measured.all(), console.out());
            Path summary = SummaryMarkdown.write(results, new SuiteHeader(context, transport, target, settings)
                    .lines((System.nanoTime() - start) / 1e9), SuiteSummary.rows(measured));
            console.out().println("summary: " + summary.toAbsolutePath());
        }
        return 0;
    }

    SuiteSettings settings() {
        try {
            return new SuiteSettings(new HelloCeiling.Settings(helloFreshRequests, helloReuseRequests,
                    freshConcurrency, reuseConcurrency, phaseLimit), reuseConcurrency, freshConcurrency, registerClients,
                    warmupClients, verifies, freshClients, freshVerifies,
                    new OutageRecovery.Settings(outageClients, outageSetup, RetryPolicy.of(retryInterval, jitter),
                            downTime, maxInFlight, giveUpAfter, false, !outageNoSessions, true),
                    waveClients, packageMebibytes * UpdateWaveCommand.MIB, phaseLimit, !signInline, skipped,
                    new SuiteSettings.LargeFleetSettings(largeFleet, largeFleet - largeFleet / 10),
                    new SuiteSettings.ClientIdleSettings(repository.toAbsolutePath().normalize(), idleSettle, idleWindow,
                            idleRounds, idleVariants));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The list of parts, for the summary. */
    static String parts(Set<SuitePart> skipped) {
        return List.of(SuitePart.values()).stream().filter(part -> !skipped.contains(part))
                .map(part -> part.name().toLowerCase(java.util.Locale.ROOT)).toList().toString();
    }
}
