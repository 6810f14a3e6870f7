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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * One verify check-in through the licensing core and the real SQLite store: the client looked up, its signature
 * verified, the sequence advanced and the lease renewed in one durable write ({@code synchronous=FULL}), the lease
 * signed. Each caller thread checks in its own share of {@value #CLIENTS} registered clients in turn. One caller
 * waits for one fsync per check-in; sixteen callers show the group commit (the writer commits what queued
 * meanwhile in one transaction). The store's check-ins per commit during the measured iterations are printed at
 * the end of each run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = BenchLogging.QUIET)
public class StoreWriteBenchmark {
    static final int CLIENTS = 4_096;
    static final int MAX_CALLERS = 64;

    /** The store, shared by every caller thread of a run. */
    @State(Scope.Benchmark)
    public static class Server {
        LicensedStore store;
        final AtomicInteger callers = new AtomicInteger();
        private long[] atIterationStart;
        private long measuredWrites;
        private long measuredCommits;

        @Setup(Level.Trial)
        public void open() {
            store = LicensedStore.open(CLIENTS);
        }

        @Setup(Level.Iteration)
        public void countFrom() {
            atIterationStart = store.writesAndCommits();
        }

        @TearDown(Level.Iteration)
        public void count(IterationParams iteration) {
            long[] now = store.writesAndCommits();
            if (iteration.getType() == IterationType.MEASUREMENT) {
                measuredWrites += now[0] - atIterationStart[0];
                measuredCommits += now[1] - atIterationStart[1];
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            System.out.printf("%n  store: %d check-ins in %d commits while measured (%.1f per commit)%n",
                    measuredWrites, measuredCommits, (double) measuredWrites / Math.max(1, measuredCommits));
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
    public CheckInAnswer verifyOneCaller(Server server, Caller caller) {
        return caller.clients.next().verify(server.store.licensing());
    }

    @Benchmark
    @Threads(16)
    public CheckInAnswer verify16Callers(Server server, Caller caller) {
        return caller.clients.next().verify(server.store.licensing());
    }
}
