package dev.primary.bench.fleet.cli;

import dev.primary.bench.fleet.ceiling.StaticFileCeiling;
import dev.primary.bench.fleet.scenario.ResultBuilder;
import dev.primary.bench.fleet.scenario.RunContext;
import dev.primary.bench.fleet.update.PackageFile;
import dev.primary.bench.fleet.update.ReleasePublisher;
import dev.primary.bench.fleet.update.ScratchPackage;
import dev.primary.bench.fleet.update.UpdateWave;
import dev.primary.bench.harness.ScenarioResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "update-wave", mixinStandardHelpOptions = true,
        description = {"M licensed clients download one package at once (GET /v1/packages/<sha256>, each signed by "
                + "its client, each on a fresh connection); bodies are counted and dropped, never buffered.",
                "On a managed server the package is made and published first (release key, signed manifest, "
                        + "'primary-admin release add'); on an external one give --package-sha256 and --package-bytes "
                        + "of a package it already serves.",
                "Figure: bytes per second over the wave, and the server's memory before and at its peak."})
final class UpdateWaveCommand extends ScenarioCommand {
    static final long MIB = 1024L * 1024;

    @Option(names = "--clients", paramLabel = "M", defaultValue = "200",
            description = "Licensed clients downloading at once. Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--package-mb", paramLabel = "MIB", defaultValue = "100",
            description = "Size of the package made for the wave, in MiB. Default: ${DEFAULT-VALUE}.")
    int packageMebibytes;

    @Option(names = "--concurrency", paramLabel = "C", defaultValue = "0",
            description = "Downloads at once; 0 means all clients at once. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--with-ceiling",
            description = "Also download the same package as often from a plain static-file server on the same "
                    + "stack (the ceiling), and report the wave as a fraction of it.")
    boolean withCeiling;

    @Option(names = "--package-sha256", paramLabel = "HEX",
            description = "External server only: the SHA-256 of a package it already serves.")
    String packageSha256;

    @Option(names = "--package-bytes", paramLabel = "N",
            description = "External server only: that package's size in bytes.")
    long packageBytes;

    UpdateWaveCommand(Console console) {
        super(console);
    }

    @Override
    Plan plan() {
        UpdateWave.Settings settings = new UpdateWave.Settings(clients, concurrency == 0 ? clients : concurrency);
        if (target.external()) {
            if (packageSha256 == null || packageBytes < 1) {
                throw new UsageException("against an external server, give --package-sha256 and --package-bytes of "
                        + "a package it serves (the simulator publishes one only on a managed server)");
            }
            PackageFile given = new PackageFile(Path.of("(on the server)"), packageBytes, packageSha256);
            return context -> List.of(UpdateWave.run(context, settings, given, List.of()));
        }
        if (packageMebibytes < 1) {
            throw new UsageException("--package-mb must be at least 1");
        }
        return context -> managedWave(context, settings);
    }

    private List<ScenarioResult> managedWave(RunContext context, UpdateWave.Settings settings) {
        try (ScratchPackage scratch = ScratchPackage.create(packageMebibytes * MIB)) {
            ReleasePublisher.publish(context.target().managed().orElseThrow(), scratch.file(), scratch.directory());
            ScenarioResult wave = UpdateWave.run(context, settings, scratch.file(), List.of());
            if (!withCeiling) {
                return List.of(wave);
            }
            ScenarioResult ceiling = StaticFileCeiling.run(context.transportSettings(), context.progress(),
                    scratch.file(), settings.clients(), settings.concurrency());
            List<ScenarioResult> results = new ArrayList<>();
            results.add(ResultBuilder.withCeiling(wave, ceiling));
            results.add(ceiling);
            return results;
        }
    }
}
