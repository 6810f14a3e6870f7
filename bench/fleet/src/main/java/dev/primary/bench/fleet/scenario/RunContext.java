package dev.primary.bench.fleet.scenario;

import dev.primary.bench.fleet.client.ClientProfile;
import dev.primary.bench.fleet.client.Fleet;
import dev.primary.bench.fleet.client.SimulatedClient;
import dev.primary.bench.fleet.transport.HttpsTransport;
import dev.primary.bench.fleet.transport.TransportSettings;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every scenario of one simulator run shares: the server, the transport settings, where progress goes, and the
 * run's client numbering (computer names {@code SIM-<run>-<n>} are unique across the run's scenarios, and {@code n}
 * is also the client's TLS ticket slot).
 */
public final class RunContext {
    private final ServerTarget target;
    private final TransportSettings transport;
    private final PrintWriter progress;
    private final String runId;
    private final AtomicInteger nextClient = new AtomicInteger();

    public RunContext(ServerTarget target, TransportSettings transport, PrintWriter progress, String runId) {
        this.target = Objects.requireNonNull(target, "target");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.runId = Objects.requireNonNull(runId, "runId");
    }

    /** A run id made of the current time in base 36 (e.g. {@code R1A2B3C}). */
    public static String newRunId() {
        return "R" + Long.toString(System.currentTimeMillis() / 1000, 36).toUpperCase(java.util.Locale.ROOT);
    }

    public ServerTarget target() {
        return target;
    }

    public PrintWriter progress() {
        return progress;
    }

    public String runId() {
        return runId;
    }

    public TransportSettings transportSettings() {
        return transport;
    }

    /**
     * {@code count} new clients with fresh keys, numbered after the run's earlier ones, that register with the
     * target's enrollment token.
     */
    public List<SimulatedClient> newClients(int count) {
        int first = nextClient.getAndAdd(count);
        long start = System.nanoTime();
        ClientProfile profile = ClientProfile.standard().withEnrollmentToken(target.enrollmentToken());
        List<SimulatedClient> clients = Fleet.create(runId, first, count, profile).clients();
        if (count >= 1000) {
            progress.printf("made %,d client keys in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
            progress.flush();
        }
        return clients;
    }

    /**
     * Takes {@code count} client numbers for clients made elsewhere (seeded fleets) and returns the first, so ticket
     * slots stay unique across the run.
     */
    public int reserveClientNumbers(int count) {
        return nextClient.getAndAdd(count);
    }

    /** How many client numbers the run has given out so far (made and reserved clients). */
    public int clientNumbersSoFar() {
        return nextClient.get();
    }

    /** A transport to the server whose ticket slots cover every client made so far. */
    public HttpsTransport openTransport(boolean resumption) {
        return HttpsTransport.open(target.endpoints(),
                transport.withResumption(resumption, Math.max(1, nextClient.get())));
    }

    /** A transport with {@code slots} ticket slots (for lanes rather than clients). */
    public HttpsTransport openTransport(boolean resumption, int slots) {
        return HttpsTransport.open(target.endpoints(), transport.withResumption(resumption, slots));
    }

    public PhaseRunner phases() {
        return new PhaseRunner(target, progress);
    }
}
