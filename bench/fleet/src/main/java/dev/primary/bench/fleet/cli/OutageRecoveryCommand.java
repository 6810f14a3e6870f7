package dev.primary.bench.fleet.cli;

import dev.primary.bench.fleet.scenario.OutageRecovery;
import dev.primary.bench.fleet.scenario.RetryPolicy;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "outage-recovery", mixinStandardHelpOptions = true,
        description = {"N clients are registered (by default seeded into the database) and each checks in once over "
                + "its own fresh TLS connection, so it holds a session ticket as a client that checked in before the "
                + "outage does; the managed server is stopped; every client keeps retrying its check-in on a fresh "
                + "connection, offering its ticket, as the Client Service does (every 60 s, up to 5 %% sooner, "
                + "first attempts spread over one interval); after the down time the server starts again on the "
                + "same port and data directory (its ticket keys kept).",
                "Figure: seconds from the restart until every client is licensed again (its recovery time is its "
                        + "latency), how many were licensed within 60 s of the restart and of the server's first "
                        + "answer, resumed and full recovery handshakes, and every non-licensed outcome by kind: only "
                        + "refused connections and 503 retry-later are acceptable. Needs a managed server."})
final class OutageRecoveryCommand extends ScenarioCommand {
    @Option(names = "--clients", paramLabel = "N", defaultValue = "100000",
            description = "Registered clients that go through the outage. Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--retry-interval", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "Pause between a client's attempts: the Client Service's intervals.retry. A shorter one "
                    + "makes a denser storm than any real fleet (1s: 60 times denser). Default: ${DEFAULT-VALUE}.")
    Duration retryInterval;

    @Option(names = "--jitter", paramLabel = "PERCENT|DURATION", defaultValue = "-5%",
            description = "Random deviation of each pause: a per cent of the interval or a duration, either way; with "
                    + "a leading minus only sooner. Default: ${DEFAULT-VALUE} (the Client Service's: never later "
                    + "than the interval).")
    String jitter;

    @Option(names = "--down-time", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long the server stays down. Default: the longest pause (the retry interval, plus its "
                    + "jitter when it goes either way), so every "
                    + "client has failed at least once and the fleet's next attempts are spread over one interval "
                    + "when the server returns.")
    Duration downTime;

    @Option(names = "--no-sessions", negatable = false,
            description = "Skip the check-in before the outage: no client holds a TLS session, so every recovery "
                    + "handshake is a full one (as seeded clients did before).")
    boolean noSessions;

    @Option(names = "--no-check-in-keys", negatable = false,
            description = "Sign every check-in, as clients did before check-in keys. By default check-ins are the "
                    + "Client Service's: the one before the outage is signed and asks for a check-in key, the recovery "
                    + "check-ins carry a MAC made with it.")
    boolean noCheckInKeys;

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
        try {
            return new OutageRecovery.Settings(clients, setup, RetryPolicy.of(retryInterval, jitter), downTime,
                    maxInFlight, giveUpAfter, kill, !noSessions, !noCheckInKeys);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
