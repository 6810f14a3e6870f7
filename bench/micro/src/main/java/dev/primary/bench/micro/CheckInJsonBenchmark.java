package dev.primary.bench.micro;

import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.VerifyRequest;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Request parsing on the check-in path, through the one JSON mapping every program uses ({@link Json}): the
 * server reads a {@code VerifyRequest} (every check-in) and a {@code RegisterRequest} (first contact, with its
 * enrollment token) body, and
 * writes the {@code CheckInAnswer.Licensed} answer (a signed lease, no updates).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = BenchLogging.QUIET)
@State(Scope.Thread)
public class CheckInJsonBenchmark {
    private byte[] verifyBody;
    private byte[] registerBody;
    private CheckInAnswer.Licensed licensedAnswer;

    @Setup
    public void prepare() {
        SigningKey clientKey = CheckInSamples.key(1);
        verifyBody = Json.write(CheckInSamples.verify("Kq3v9Zb1RkGm0xTt7pWc2A"));
        registerBody = Json.write(CheckInSamples.register(4711, clientKey, CheckInSamples.SAMPLE_TOKEN));
        licensedAnswer = CheckInSamples.licensed(CheckInSamples.key(0), clientKey, Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Benchmark
    public VerifyRequest readVerifyRequest() {
        return Json.read(verifyBody, VerifyRequest.class);
    }

    @Benchmark
    public RegisterRequest readRegisterRequest() {
        return Json.read(registerBody, RegisterRequest.class);
    }

    @Benchmark
    public byte[] writeLicensedAnswer() {
        return Json.write(licensedAnswer);
    }
}
