package dev.primary.bench.fleet.scenario;

import dev.primary.bench.fleet.metrics.ErrorKind;
import dev.primary.bench.fleet.transport.Answer;
import dev.primary.bench.fleet.transport.BodyMode;
import dev.primary.bench.fleet.transport.OutgoingRequest;
import java.util.Objects;

/**
 * The same request over and over, for the baselines: each lane keeps its own TLS ticket slot, and an answer
 * succeeds when it is 200 with the expected body length (any length when {@code expectedBytes} is negative).
 */
public final class FixedWork implements Workload {
    private final OutgoingRequest request;
    private final BodyMode bodyMode;
    private final long expectedBytes;
    private final Budget budget;

    public FixedWork(OutgoingRequest request, BodyMode bodyMode, long expectedBytes, Budget budget) {
        this.request = Objects.requireNonNull(request, "request");
        this.bodyMode = Objects.requireNonNull(bodyMode, "bodyMode");
        this.expectedBytes = expectedBytes;
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    @Override
    public Work next(int laneIndex) {
        if (!budget.take()) {
            return null;
        }
        return new Work() {
            @Override
            public OutgoingRequest request() {
                return request;
            }

            @Override
            public BodyMode bodyMode() {
                return bodyMode;
            }

            @Override
            public int ticketSlot() {
                return laneIndex;
            }

            @Override
            public ErrorKind judge(Answer answer) {
                boolean whole = expectedBytes < 0 || answer.bodyBytes() == expectedBytes;
                return answer.status() == 200 && whole ? null : ErrorKind.PROTOCOL;
            }

            @Override
            public void done() {
                // nothing to give back
            }
        };
    }
}
