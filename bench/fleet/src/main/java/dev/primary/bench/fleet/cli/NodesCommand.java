package dev.primary.bench.fleet.cli;

import dev.primary.bench.fleet.nodes.Configuration;
import dev.primary.bench.fleet.nodes.NodesReport;
import dev.primary.bench.fleet.nodes.NodesRun;
import dev.primary.bench.fleet.scenario.LoadShape;
import dev.primary.bench.fleet.scenario.ManagedTarget;
import dev.primary.bench.fleet.transport.ConnectionMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "nodes", mixinStandardHelpOptions = true,
        description = {"One server on SQLite, then one, two and three servers on one PostgreSQL (embedded, started "
                + "once, a fresh database per configuration), one configuration after the other on this machine: "
                + "each starts its servers (the fleet's identity copied from the first), registers the clients "
                + "(measured; open enrollment, each a durable seat grant), lets them check in with connection reuse "
                + "(measured), and stops.",
                "Figures: registrations/s and check-ins/s with p50/p99, and the CPU milliseconds per operation of "
                        + "each server process and of PostgreSQL. Writes nodes.json and nodes.md to --results.",
                "The servers, PostgreSQL and the simulator share this machine's cores."})
final class NodesCommand implements Callable<Integer> {
    @Option(names = "--configurations", paramLabel = "LIST", split = ",",
            defaultValue = "sqlite,postgresql:1,postgresql:2,postgresql:3",
            description = "What to run, in order: sqlite (one server), postgresql (one server) or postgresql:N "
                    + "(N servers, 1 to 9). Default: ${DEFAULT-VALUE}.")
    List<String> configurations;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "5000",
            description = "Clients registered (as many as --duration allows, measured), then all of them checking "
                    + "in, per configuration. Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "30s",
            description = "Longest each measured phase (registrations, check-ins) runs. Default: ${DEFAULT-VALUE}.")
    Duration duration;

    @Option(names = "--warmup-clients", paramLabel = "N", defaultValue = "500",
            description = "Registrations before the measured ones, not counted. Default: ${DEFAULT-VALUE}.")
    int warmupClients;

    @Option(names = "--warmup-verifies", paramLabel = "COUNT", defaultValue = "10000",
            description = "Check-ins before the measured ones (within 10 s), not counted. Default: ${DEFAULT-VALUE}.")
    long warmupVerifies;

    @Option(names = "--concurrency", paramLabel = "C", defaultValue = "64",
            description = "Requests in flight at once, spread round robin over the servers. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--check-in-keys",
            description = "Check-ins ask for a check-in key and, once they hold one, are authenticated with it (an "
                    + "HMAC-SHA256), as the Client Service checks in; the warm-up hands the keys out. Default: every "
                    + "check-in is signed.")
    boolean checkInKeys;

    @Option(names = "--server-jvm-option", paramLabel = "OPTION", defaultValue = "-Xmx512m",
            description = "A JVM option of every server; repeat for several, write as --server-jvm-option=-Xmx1g. "
                    + "Default: ${DEFAULT-VALUE}.")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--results", paramLabel = "DIR", required = true,
            description = "Where nodes.json and nodes.md go.")
    Path results;

    @Mixin
    TransportOptions transport;

    private final Console console;

    NodesCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        NodesRun.Settings settings;
        Path work = null;
        try {
            List<Configuration> parsed = configurations.stream().map(Configuration::parse).toList();
            LoadShape load = new LoadShape(concurrency, ConnectionMode.REUSE, true);
            work = workDirectory();
            settings = new NodesRun.Settings(parsed, clients, duration, warmupClients, warmupVerifies, load,
                    checkInKeys, jvmOptions, work);
        } catch (IllegalArgumentException e) {
            if (work != null) {
                ManagedTarget.deleteTree(work);
            }
            throw e instanceof UsageException ? e : new UsageException(e.getMessage());
        }
        NodesReport report = NodesRun.run(settings, transport.settings(), console.err());
        Path markdown = report.write(results);
        console.out().print(report.markdown());
        console.out().flush();
        console.err().println("nodes: results in " + results.resolve("nodes.json") + " and " + markdown);
        console.err().flush();
        if (report.failed() > 0) {
            console.err().println("nodes: " + report.failed() + " configuration(s) failed (see the notes above the table)");
            console.err().flush();
            return 1;
        }
        return 0;
    }

    private static Path workDirectory() {
        try {
            return Files.createTempDirectory("fleet-nodes-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory: " + e.getMessage(), e);
        }
    }
}
