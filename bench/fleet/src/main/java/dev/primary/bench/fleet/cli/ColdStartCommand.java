package dev.primary.bench.fleet.cli;

import dev.primary.bench.fleet.scenario.ColdStart;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "cold-start", mixinStandardHelpOptions = true,
        description = {"N new clients register at once, C at a time: each licensed answer is a durable seat grant "
                + "(the license needs at least N + warm-up seats).",
                "Figure: registrations per second, latency p50/p99/max, errors by kind, server CPU and memory."})
final class ColdStartCommand extends ScenarioCommand {
    @Option(names = "--clients", paramLabel = "N", defaultValue = "20000",
            description = "New clients registering in the measured phase. Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--warmup-clients", paramLabel = "N", defaultValue = "2000",
            description = "Clients registered first, not measured (warms the server's JIT). Default: ${DEFAULT-VALUE}.")
    int warmupClients;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time limit of the measured phase: it ends when every client registered or after this, "
                    + "whichever comes first. Default: none.")
    Duration limit;

    @Mixin
    LoadOptions load;

    ColdStartCommand(Console console) {
        super(console);
    }

    @Override
    Plan plan() {
        ColdStart.Settings settings = new ColdStart.Settings(clients, load.shape(), warmupClients,
                !load.signInline, limit);
        return context -> List.of(ColdStart.run(context, settings).result());
    }
}
