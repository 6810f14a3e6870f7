package dev.primary.client.testing;

import dev.primary.client.service.ContactFailedException;
import dev.primary.client.service.PackageBody;
import dev.primary.client.service.RequestRefusedException;
import dev.primary.client.service.RequestSequence;
import dev.primary.client.service.ServerConnection;
import dev.primary.client.service.ServerUnreachableException;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.ReportRequest;
import dev.primary.protocol.message.VerifyRequest;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ServerConnection} whose answers a test scripts. It takes a sequence number for each call,
 * as the HTTP connection does, and records every call with the fake time it came at.
 */
public final class ScriptedServer implements ServerConnection {
    private final FakeTime time;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Answerer answerer = unreachable();
    private volatile boolean reachable;
    private volatile RequestSequence sequence;
    private final Map<String, byte[]> packages = new ConcurrentHashMap<>();
    private final AtomicLong cutNextDownloadAfter = new AtomicLong(-1);

    /** What the server does with a register or verify call. */
    @FunctionalInterface
    public interface Answerer {
        CheckInAnswer answer(Call call) throws ContactFailedException;
    }

    /** A download request: the path and the offset asked for. */
    public record Download(String path, long offset) {
    }

    /**
     * One call: {@code register}, {@code verify}, {@code report} or {@code download}, when, with what, under which
     * sequence.
     */
    public record Call(String kind, Instant at, Object request, long sequence) {
    }

    public ScriptedServer(FakeTime time) {
        this.time = time;
    }

    public ScriptedServer connectedWith(RequestSequence sequence) {
        this.sequence = sequence;
        return this;
    }

    /** The sequence of the client connected last, as the HTTP connection would re-base it. */
    public RequestSequence sequence() {
        return sequence;
    }

    /** From now on the server answers check-ins with {@code answerer}, and accepts reports. */
    public void answer(Answerer answerer) {
        this.answerer = answerer;
        this.reachable = true;
    }

    /** From now on the server cannot be reached. */
    public void goDown() {
        this.answerer = unreachable();
        this.reachable = false;
    }

    public static Answerer unreachable() {
        return call -> {
            throw new ServerUnreachableException("connection refused");
        };
    }

    public static Answerer refusing(ProblemType type, String detail) {
        return call -> {
            throw new RequestRefusedException(Problem.of(type, detail));
        };
    }

    /** Refuses with {@code type}, asking the client to wait {@code retryAfter} ({@code Retry-After}). */
    public static Answerer refusing(ProblemType type, String detail, Duration retryAfter) {
        return call -> {
            throw new RequestRefusedException(Problem.of(type, detail), retryAfter);
        };
    }

    /** The calls of one kind ({@code register}, {@code verify}, ...). */
    public List<Call> calls(String kind) {
        return calls.stream().filter(call -> call.kind().equals(kind)).toList();
    }

    @Override
    public CheckInAnswer register(RegisterRequest request) throws ContactFailedException {
        return answerer.answer(record("register", request));
    }

    @Override
    public CheckInAnswer verify(VerifyRequest request) throws ContactFailedException {
        return answerer.answer(record("verify", request));
    }

    @Override
    public void report(ReportRequest request) throws ContactFailedException {
        record("report", request);
        if (!reachable) {
            throw new ServerUnreachableException("connection refused");
        }
    }

    /** Serves {@code bytes} at {@code path} (for {@code GET /v1/packages/...}). */
    public void servePackage(String path, byte[] bytes) {
        packages.put(path, bytes.clone());
    }

    @Override
    public PackageBody download(String downloadPath, long offset) throws ContactFailedException {
        record("download", new Download(downloadPath, offset));
        if (!reachable) {
            throw new ServerUnreachableException("connection refused");
        }
        byte[] bytes = packages.get(downloadPath);
        if (bytes == null) {
            throw new RequestRefusedException(Problem.of(ProblemType.NOT_FOUND, "no package at " + downloadPath));
        }
        int from = (int) Math.min(offset, bytes.length);
        InputStream body = new ByteArrayInputStream(bytes, from, bytes.length - from);
        long cut = cutNextDownloadAfter.getAndSet(-1);
        return new PackageBody(from, bytes.length - from, cut < 0 ? body : breakingAfter(body, cut));
    }

    /** The next download's body breaks off (an IOException) after {@code bytes} bytes. */
    public void cutNextDownloadAfter(long bytes) {
        cutNextDownloadAfter.set(bytes);
    }

    private static InputStream breakingAfter(InputStream body, long bytes) {
        return new FilterInputStream(body) {
            private long left = bytes;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (left <= 0) {
                    throw new IOException("connection reset");
                }
                int read = super.read(buffer, offset, (int) Math.min(length, left));
                left -= Math.max(read, 0);
                return read;
            }
        };
    }

    private Call record(String kind, Object request) {
        long number = sequence == null ? 0 : sequence.next();
        Call call = new Call(kind, time.now(), request, number);
        calls.add(call);
        return call;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> checkIns() {
        return calls.stream().filter(call -> call.kind().equals("register") || call.kind().equals("verify")).toList();
    }

    public List<Download> downloads() {
        return calls.stream().filter(call -> call.kind().equals("download")).map(call -> (Download) call.request()).toList();
    }

    public List<ReportRequest> reports() {
        return calls.stream().filter(call -> call.kind().equals("report")).map(call -> (ReportRequest) call.request()).toList();
    }

    public void forget() {
        calls.clear();
    }
}
