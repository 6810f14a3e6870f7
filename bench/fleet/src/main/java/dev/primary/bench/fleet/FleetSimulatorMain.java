package dev.primary.bench.fleet;

import dev.primary.bench.fleet.cli.Commands;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * {@code fleet-simulator}: simulates a fleet of Client Services speaking the real protocol (own Ed25519 keys, own
 * computer names, signed requests, real TLS) against a Primary Server, and reports throughput, latency, errors by
 * kind and the server's CPU and memory, as a table and as JSON. Exit codes: 0 ok (whatever the figures), 1 the run
 * failed (with the reason on stderr), 2 usage error.
 */
public final class FleetSimulatorMain {
    private FleetSimulatorMain() {}

    /** The simulator's own logging set-up; the server's jar on the class path brings a logback.xml of its own. */
    static final String LOGGING = "fleet-logback.xml";

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGGING);
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    /** Runs the command line {@code args}, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return Commands.execute(out, err, args);
    }
}
