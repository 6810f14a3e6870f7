package dev.primary.client.testing;

import dev.primary.client.service.ContactFailedException;
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
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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

    /** What the server does with a register or verify call. */
    @FunctionalInterface
    public interface Answerer {
        CheckInAnswer answer(Call call) throws ContactFailedException;
    }

    /** One call: {@code register}, {@code verify} or {@code report}, when, with what, under which sequence. */
    public record Call(String kind, Instant at, Object request, long sequence) {
    }

    public ScriptedServer(FakeTime time) {
        this.time = time;
    }

    public ScriptedServer connectedWith(RequestSequence sequence) {
        this.sequence = sequence;
        return this;
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
        return calls.stream().filter(call -> !call.kind().equals("report")).toList();
    }

    public List<ReportRequest> reports() {
        return calls.stream().filter(call -> call.kind().equals("report")).map(call -> (ReportRequest) call.request()).toList();
    }

    public void forget() {
        calls.clear();
    }
}
