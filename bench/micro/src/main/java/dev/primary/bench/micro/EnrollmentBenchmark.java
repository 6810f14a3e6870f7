package dev.primary.bench.micro;

import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.server.enrollment.EnrollmentToken;
import dev.primary.server.enrollment.TokenText;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
 * What the enrollment-token check adds to a registration:
 * <ul>
 *   <li>{@code tokenCheck}: the check of a token the server knows, as the server makes it: the text parsed, SHA-256
 *       of its secret, compared with the stored hash in constant time, its state (revoked, expired, used up) read;
 *   <li>{@code tokenCheckWithLookup}: the same with the token read by its id from the real SQLite store (a
 *       primary-key lookup on a read connection);
 *   <li>{@code register}: a new client's whole registration through the licensing core and the real store (signature
 *       verified, token checked, seat granted in a durable group-committed write, token use counted, lease signed),
 *       with a token and with open enrollment, 16 callers, five 2-second iterations after five of warm-up (the
 *       whole path, BouncyCastle's Ed25519 included, needs about 10 s to compile here). Every call registers a
 *       client prepared before the trial (its key, request and signature), so the figure holds no client-side work.
 * </ul>
 * The server checks a token twice per registration (once on a read connection, so a refused one never queues for
 * the writer, and again inside the write).
 */
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = BenchLogging.QUIET)
public class EnrollmentBenchmark {
    /** Registrations prepared per trial: more than 16 callers complete in its 20 seconds on this machine. */
    static final int PREPARED = 80_000;

    /** A token the server knows, and its stored hash. */
    @State(Scope.Thread)
    public static class KnownToken {
        String text;
        EnrollmentToken stored;

        @Setup
        public void make() {
            TokenText token = TokenText.random();
            text = token.text();
            stored = new EnrollmentToken(token.id(), token.secretHash(), "bench", "", 0, 0, Instant.now(), "bench",
                    null, null);
        }
    }

    /** A store whose only enrollment token is {@link LicensedStore#enrollmentToken()}. */
    @State(Scope.Benchmark)
    public static class TokenStore {
        LicensedStore store;
        String text;

        @Setup(Level.Trial)
        public void open() {
            store = LicensedStore.open(0, 1, false);
            text = store.enrollmentToken();
        }

        @TearDown(Level.Trial)
        public void close() {
            store.close();
        }
    }

    /** A store enrolling by token or openly, and registrations of new clients prepared for it. */
    @State(Scope.Benchmark)
    public static class Registrations {
        @Param({"token", "open"})
        public String enrollment;

        LicensedStore store;
        PreparedRegistrations prepared;

        @Setup(Level.Trial)
        public void prepare() {
            store = LicensedStore.open(0, PREPARED + 1, "open".equals(enrollment));
            prepared = new PreparedRegistrations(PREPARED, store.enrollmentToken());
        }

        @TearDown(Level.Trial)
        public void close() {
            store.close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Optional<EnrollmentToken> tokenCheck(KnownToken token) {
        return TokenText.parse(token.text).flatMap(text -> usable(text, Optional.of(token.stored)));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Optional<EnrollmentToken> tokenCheckWithLookup(TokenStore token) {
        return TokenText.parse(token.text).flatMap(text -> usable(text,
                token.store.store().read(reads -> reads.enrollmentToken(text.id()))));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(16)
    @Warmup(iterations = 5, time = 2)
    @Measurement(iterations = 5, time = 2)
    public CheckInAnswer register(Registrations registrations) {
        return registrations.prepared.registerNext(registrations.store.licensing());
    }

    /** The server's check of {@code text} against the token its id named ({@code Enrollments.usable}). */
    private static Optional<EnrollmentToken> usable(TokenText text, Optional<EnrollmentToken> named) {
        Instant now = Instant.now();
        return named.filter(known -> text.matches(known.secretHash())).filter(known -> known.refusalAt(now).isEmpty());
    }
}
