package dev.primary.bench.fleet.cli;

import dev.primary.bench.fleet.scenario.RunContext;
import dev.primary.bench.fleet.suite.SuiteSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lines above the summary table: when, where, on what, with which sizes. */
final class SuiteHeader {
    private final RunContext context;
    private final TransportOptions transport;
    private final TargetOptions target;
    private final SuiteSettings settings;

    SuiteHeader(RunContext context, TransportOptions transport, TargetOptions target, SuiteSettings settings) {
        this.context = context;
        this.transport = transport;
        this.target = target;
        this.settings = settings;
    }

    List<String> lines(double suiteSeconds) {
        List<String> lines = new ArrayList<>();
        lines.add("Run " + context.runId() + ", " + Instant.now() + ", on " + hostName() + ": "
                + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", Java " + System.getProperty("java.version") + ".");
        lines.add("Server: " + context.target().describe()
                + (target.external() ? "" : "; JVM options " + target.jvmOptions + ", arguments "
                        + target.serverArguments) + ".");
        lines.add("Simulator: same machine, " + transport.ioThreads + " event-loop thread(s), BoringSSL TLS 1.3; "
                + "clients sign every request (Ed25519) and do not verify lease signatures.");
        lines.add(String.format(Locale.ROOT, "Sizes: %,d + %,d warm-up clients registering with reuse, %,d verifies; "
                + "%,d clients on fresh connections, %,d verifies per variant; %,d clients in the outage; update wave "
                + "%,d clients x %,d MiB. Lanes: %d reuse, %d fresh. Parts: %s.",
                settings.registerClients(), settings.warmupClients(), settings.verifies(), settings.freshClients(),
                settings.freshVerifies(), settings.outage().clients(), settings.waveClients(),
                settings.packageBytes() / (1024 * 1024), settings.reuseConcurrency(), settings.freshConcurrency(),
                SuiteCommand.parts(settings.skipped())));
        lines.add(String.format(Locale.ROOT, "The suite took %.0f s.", suiteSeconds));
        return lines;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "this machine";
        }
    }
}
