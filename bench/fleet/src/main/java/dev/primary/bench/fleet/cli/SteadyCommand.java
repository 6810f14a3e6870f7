package dev.primary.bench.fleet.cli;

import dev.primary.bench.fleet.scenario.Steady;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "steady", mixinStandardHelpOptions = true,
        description = {"N registered clients check in (verify), round robin, C at a time, for a number of verifies "
                + "or a duration. The clients are registered first (not measured).",
                "Figure: verifies per second, latency p50/p99/max, errors by kind, server CPU and memory."})
final class SteadyCommand extends ScenarioCommand {
    @Option(names = "--clients", paramLabel = "N", defaultValue = "10000",
            description = "Registered clients that check in. Default: ${DEFAULT-VALUE}.")
    int clients;

    static final long DEFAULT_VERIFIES = 200_000;

    @Option(names = "--verifies", paramLabel = "COUNT",
            description = "Verifies in the measured phase. Default: 200000, or no count when --duration is given.")
    Long verifies;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time limit of the measured phase, e.g. 30s: with --verifies, whichever comes first. "
                    + "Default: none.")
    Duration duration;

    @Option(names = "--warmup-verifies", paramLabel = "COUNT", defaultValue = "20000",
            description = "Verifies before the measured phase, not counted; with --connections fresh and --resume, "
                    + "at least one per client so each holds a session ticket. With --duration the warm-up stops "
                    + "after 10 s even short of its count. Default: ${DEFAULT-VALUE}.")
    long warmupVerifies;

    @Option(names = "--renewing",
            description = "Every verify asks for a newly signed lease (keepsCurrentLease false), as clients before it "
                    + "did: each check-in then signs a lease and commits. Default: verifies keep a lease that is not due, "
                    + "as the Client Service does.")
    boolean renewing;

    @Option(names = "--check-in-keys",
            description = "Verifies ask for a check-in key and, once they hold one, are authenticated with it (an "
                    + "HMAC-SHA256) instead of an Ed25519 signature. The warm-up hands the keys out. Default: every "
                    + "verify is signed.")
    boolean checkInKeys;

    @Mixin
    LoadOptions load;

    SteadyCommand(Console console) {
        super(console);
    }

    @Override
    Plan plan() {
        Steady.Settings settings = new Steady.Settings(clients, verifies != null ? verifies
                : duration != null ? Long.MAX_VALUE : DEFAULT_VERIFIES, duration, load.shape(), warmupVerifies,
                !load.signInline, renewing, checkInKeys);
        return context -> List.of(Steady.run(context, settings, List.of()));
    }
}
