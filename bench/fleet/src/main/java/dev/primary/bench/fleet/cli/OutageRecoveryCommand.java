package dev.primary.bench.fleet.cli;

import dev.primary.bench.fleet.scenario.OutageRecovery;
import dev.primary.bench.fleet.scenario.RetryPolicy;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "outage-recovery", mixinStandardHelpOptions = true,
        description = {"N clients are registered; the managed server is stopped; every client keeps retrying its "
                + "check-in on a fresh connection; after the down time the server starts again on the same port.",
                "Figure: seconds from the restart until every client is licensed again (its recovery time is its "
                        + "latency), and every non-licensed outcome by kind: only refused connections and 503 "
                        + "retry-later are acceptable. Needs a managed server."})
final class OutageRecoveryCommand extends ScenarioCommand {
    @Option(names = "--clients", paramLabel = "N", defaultValue = "100000",
            description = "Registered clients that go through the outage. Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--retry-interval", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
            description = "Pause between a client's attempts: the real client's 1 minute, scaled down. "
                    + "Default: ${DEFAULT-VALUE}.")
    Duration retryInterval;

    @Option(names = "--jitter", paramLabel = "DURATION", defaultValue = "250ms", converter = DurationConverter.class,
            description = "Random deviation of each pause, either way. Default: ${DEFAULT-VALUE}.")
    Duration jitter;

    @Option(names = "--down-time", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "How long the server stays down. Default: ${DEFAULT-VALUE}.")
    Duration downTime;

    @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = "256",
            description = "Attempts in flight at once; due clients queue (the simulator's connection budget). "
                    + "Default: ${DEFAULT-VALUE}.")
    int maxInFlight;

    @Option(names = "--give-up-after", paramLabel = "DURATION", defaultValue = "180s",
            converter = DurationConverter.class,
            description = "Stop waiting this long after the restart. Default: ${DEFAULT-VALUE}.")
    Duration giveUpAfter;

    @Option(names = "--kill", description = "Stop the server with SIGKILL instead of SIGTERM.")
    boolean kill;

    @Option(names = "--setup", paramLabel = "seed|register", defaultValue = "seed",
            description = "How the clients come to be registered: seed writes licensed computers into the stopped "
                    + "server's database (fast: the figure is the recovery, not the registration); register registers "
                    + "them through the protocol first. Default: ${DEFAULT-VALUE}.")
    OutageRecovery.Setup setup;

    OutageRecoveryCommand(Console console) {
        super(console);
    }

    @Override
    Plan plan() {
        if (target.external()) {
            throw new UsageException("outage-recovery stops and restarts the server, so it needs a managed one "
                    + "(leave out --server)");
        }
        OutageRecovery.Settings settings = settings();
        return context -> List.of(OutageRecovery.run(context, settings, List.of()));
    }

    OutageRecovery.Settings settings() {
        return new OutageRecovery.Settings(clients, setup, new RetryPolicy(retryInterval, jitter), downTime,
                maxInFlight, giveUpAfter, kill);
    }
}
