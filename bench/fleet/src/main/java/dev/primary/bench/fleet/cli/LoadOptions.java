package dev.primary.bench.fleet.cli;

import dev.primary.bench.fleet.scenario.LoadShape;
import dev.primary.bench.fleet.transport.ConnectionMode;
import picocli.CommandLine.Option;

/** Concurrency and connection handling of a load scenario. */
final class LoadOptions {
    @Option(names = "--concurrency", paramLabel = "C", defaultValue = "64",
            description = "Requests in flight at once (lanes). Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--connections", paramLabel = "reuse|fresh", defaultValue = "reuse",
            description = "reuse: each lane keeps one keep-alive connection; fresh: connect, handshake, one request, "
                    + "close (what real clients checking in every 4 hours do). Default: ${DEFAULT-VALUE}.")
    ConnectionMode mode;

    @Option(names = "--resume", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "On fresh connections, offer the client's TLS session ticket from its last connection "
                    + "(resumed handshake); --no-resume makes every handshake a full one. Default: ${DEFAULT-VALUE}.")
    boolean resume;

    @Option(names = "--sign-inline",
            description = "Sign each request while the phase runs instead of before it. By default requests are signed "
                    + "before the measured phase: a real fleet signs on its own machines, while here every signature "
                    + "(~40 us) would take CPU from the server on the same cores.")
    boolean signInline;

    LoadShape shape() {
        return new LoadShape(concurrency, mode, resume);
    }
}
