package dev.primary.bench.fleet.cli;

import dev.primary.bench.fleet.ceiling.HelloCeiling;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "hello-ceiling", mixinStandardHelpOptions = true,
        description = {"The transport ceiling: the same client against a bare hello-world HTTPS endpoint on the "
                + "server's own stack (Netty + BoringSSL, in this JVM or, with --own-jvm, in one of its own), with verify-shaped requests: fresh connections "
                + "with full handshakes, fresh connections with resumed handshakes, and connection reuse.",
                "Figure: requests per second of each."})
final class HelloCeilingCommand implements Callable<Integer> {
    @Option(names = "--fresh-requests", paramLabel = "N", defaultValue = "10000",
            description = "Requests per fresh-connection variant. Default: ${DEFAULT-VALUE}.")
    long freshRequests;

    @Option(names = "--reuse-requests", paramLabel = "N", defaultValue = "200000",
            description = "Requests of the reuse variant; 0 leaves it out (and its warm-up). Default: "
                    + "${DEFAULT-VALUE}.")
    long reuseRequests;

    @Option(names = "--fresh-concurrency", paramLabel = "C", defaultValue = "32",
            description = "Lanes of the fresh-connection variants. Default: ${DEFAULT-VALUE}.")
    int freshConcurrency;

    @Option(names = "--concurrency", paramLabel = "C", defaultValue = "64",
            description = "Lanes of the reuse variant. Default: ${DEFAULT-VALUE}.")
    int reuseConcurrency;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time limit of each variant (it ends at its requests or then, whichever comes first). "
                    + "Default: none.")
    Duration limit;

    @Option(names = "--warmup-requests", paramLabel = "N",
            description = "Requests before each variant's measured ones, not counted; give a ceiling as long a warm-up "
                    + "as the figures it bounds. Default: a fifth of the variant's requests, at most 2000.")
    Long warmupRequests;

    @Option(names = "--own-jvm", paramLabel = "OPTIONS", arity = "0..1", fallbackValue = "-Xmx1g",
            description = {"Run the endpoint in a JVM of its own with these options (space-separated; given alone: "
                    + "${FALLBACK-VALUE}, the managed server's default), across a process boundary as the real server "
                    + "is, instead of in the simulator's JVM. Its CPU and memory are then its own.",
                    "Default: in the simulator's JVM, as every published ceiling."})
    String ownJvm;

    @Mixin
    TransportOptions transport;

    @Mixin
    OutputOptions output;

    private final Console console;

    HelloCeilingCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        HelloCeiling.Settings settings;
        try {
            settings = new HelloCeiling.Settings(freshRequests, reuseRequests, freshConcurrency, reuseConcurrency,
                    limit, warmupRequests == null ? HelloCeiling.Settings.DEFAULT_WARMUP : warmupRequests);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        HelloCeiling.Placement placement = ownJvm == null ? HelloCeiling.InThisJvm.INSTANCE
                : new HelloCeiling.OwnJvm(ownJvm.isBlank() ? List.of() : List.of(ownJvm.strip().split("\\s+")));
        output.emit(HelloCeiling.run(transport.settings(), console.err(), settings, true, true, placement),
                console.out());
        return 0;
    }
}
