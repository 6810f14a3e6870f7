package dev.primary.bench.fleet.cli;

import dev.primary.bench.fleet.ceiling.StaticFileCeiling;
import dev.primary.bench.fleet.update.ScratchPackage;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "static-file-ceiling", mixinStandardHelpOptions = true,
        description = {"The update wave's ceiling: D downloads of one package, C at once, each on a fresh "
                + "connection, from a plain static-file HTTPS server on the server's own stack (in this JVM).",
                "Figure: bytes per second."})
final class StaticFileCeilingCommand implements Callable<Integer> {
    @Option(names = "--downloads", paramLabel = "D", defaultValue = "200",
            description = "Downloads in all. Default: ${DEFAULT-VALUE}.")
    int downloads;

    @Option(names = "--concurrency", paramLabel = "C", defaultValue = "200",
            description = "Downloads at once. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--package-mb", paramLabel = "MIB", defaultValue = "100",
            description = "Size of the file, in MiB. Default: ${DEFAULT-VALUE}.")
    int packageMebibytes;

    @Mixin
    TransportOptions transport;

    @Mixin
    OutputOptions output;

    private final Console console;

    StaticFileCeilingCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (downloads < 1 || concurrency < 1 || packageMebibytes < 1) {
            throw new UsageException("--downloads, --concurrency and --package-mb must be at least 1");
        }
        try (ScratchPackage scratch = ScratchPackage.create(packageMebibytes * UpdateWaveCommand.MIB)) {
            output.emit(List.of(StaticFileCeiling.run(transport.settings(), console.err(), scratch.file(), downloads,
                    concurrency)), console.out());
        }
        return 0;
    }
}
