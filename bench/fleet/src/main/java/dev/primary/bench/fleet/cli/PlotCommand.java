package dev.primary.bench.fleet.cli;

import dev.primary.bench.fleet.report.FleetSizePlot;
import dev.primary.bench.harness.ScenarioResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"Draws throughput and latency against fleet size as a PNG, from the results JSON of one "
                + "scenario measured at several fleet sizes (e.g. 'steady --clients 1000', '... 10000', '... 100000', "
                + "all with --results DIR)."})
final class PlotCommand implements Callable<Integer> {
    @Option(names = "--results", paramLabel = "DIR", required = true,
            description = "The directory holding the results JSON.")
    Path results;

    @Option(names = "--scenario", paramLabel = "NAME", defaultValue = "steady",
            description = "Which scenario's results to plot. Default: ${DEFAULT-VALUE}.")
    String scenario;

    @Option(names = "--variant", paramLabel = "VARIANT",
            description = "Only this variant (reuse, fresh-resumed, fresh-full). Default: all of the scenario's.")
    String variant;

    @Option(names = "--out", paramLabel = "PNG", defaultValue = "fleet-size.png",
            description = "The PNG to write. Default: ${DEFAULT-VALUE}.")
    Path png;

    private final Console console;

    PlotCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        System.setProperty("java.awt.headless", "true");
        List<ScenarioResult> read;
        try (Stream<Path> files = Files.list(results)) {
            read = files.filter(file -> file.toString().endsWith(".json")).sorted().map(ScenarioResult::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the results in " + results + ": " + e.getMessage(), e);
        }
        try {
            console.out().println("wrote " + FleetSizePlot.draw(read, scenario, variant, png).toAbsolutePath());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return 0;
    }
}
