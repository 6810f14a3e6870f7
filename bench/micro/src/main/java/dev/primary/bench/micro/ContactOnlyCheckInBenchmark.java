package dev.primary.bench.micro;

import dev.primary.protocol.message.CheckInAnswer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The check-in a fleet sends most, through the licensing core as the server runs it, without the network: a
 * licensed client keeping its lease, authenticated with a check-in MAC, whose check-in changes nothing but its last
 * contact. Its sequence is claimed, the store (real SQLite) is read once to decide it, and its contact waits in the
 * {@code ContactBatch} for the next batch write (every 2 s, on the batch's own thread, as in the server). Each caller
 * thread checks in its own share of {@value #CLIENTS} clients in turn. {@code decidedBy=read} reads the store for
 * every check-in (a server on a shared store); {@code decidedBy=index} decides from the {@code CheckInIndex} once a
 * client has an entry (a server alone on its store, the default). What the HTTP and TLS layers add is measured end
 * to end by {@code bench/fleet-simulator}; this isolates the core and the store read.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = BenchLogging.QUIET)
public class ContactOnlyCheckInBenchmark {
    static final int CLIENTS = 4_096;
    static final int MAX_CALLERS = 64;

    /** The core and its store, shared by every caller thread of a run. */
    @State(Scope.Benchmark)
    public static class Server {
        @Param({"read", "index"})
        public String decidedBy;
        LicensedStore store;
        final AtomicInteger callers = new AtomicInteger();

        @Setup(Level.Trial)
        public void open() {
            store = LicensedStore.open(CLIENTS, CLIENTS, false, true, decidedBy.equals("index"));
            for (LicensedStore.RegisteredClient client : store.clientsOf(0, 1)) {
                client.verifyWithMac(store.licensing()); // the first check-in records the content revision: a write
                if (!(client.verifyWithMac(store.licensing()) instanceof CheckInAnswer.Licensed licensed)
                        || licensed.currentLease() == null) {
                    throw new IllegalStateException("a second check-in did not keep its lease: not the measured path");
                }
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            store.close();
        }
    }

    /** One caller thread's clients, in turn. */
    @State(Scope.Thread)
    public static class Caller {
        LicensedStore.Turns clients;

        @Setup(Level.Trial)
        public void pick(Server server) {
            clients = server.store.turnsOf(server.callers.getAndIncrement(), MAX_CALLERS);
        }
    }

    @Benchmark
    @Threads(1)
    public CheckInAnswer oneCaller(Server server, Caller caller) {
        return caller.clients.next().verifyWithMac(server.store.licensing());
    }

    @Benchmark
    @Threads(4)
    public CheckInAnswer fourCallers(Server server, Caller caller) {
        return caller.clients.next().verifyWithMac(server.store.licensing());
    }
}
