package dev.primary.bench.fleet.scenario;

import dev.primary.bench.fleet.metrics.ErrorClassifier;
import dev.primary.bench.fleet.metrics.ErrorKind;
import dev.primary.bench.fleet.metrics.PhaseMetrics;
import dev.primary.bench.fleet.transport.Answer;
import dev.primary.bench.fleet.transport.ConnectionMode;
import dev.primary.bench.fleet.transport.Exchange;
import dev.primary.bench.fleet.transport.ExchangeListener;
import dev.primary.bench.fleet.transport.HttpsTransport;
import dev.primary.bench.fleet.transport.Lane;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code concurrency} lanes, each making one exchange after another until the workload has no more for it (a
 * closed loop: a new request starts when an answer arrives). Outcomes are counted in the phase's metrics: a 2xx
 * answer the work judges good is a success with its latency; anything else an error of its kind.
 */
public final class ClosedLoopRun {
    private final HttpsTransport transport;
    private final ConnectionMode mode;
    private final int concurrency;
    private final Workload workload;
    private final PhaseMetrics metrics;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final AtomicInteger running = new AtomicInteger();

    public ClosedLoopRun(HttpsTransport transport, ConnectionMode mode, int concurrency, Workload workload,
            PhaseMetrics metrics) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        this.transport = transport;
        this.mode = mode;
        this.concurrency = concurrency;
        this.workload = workload;
        this.metrics = metrics;
    }

    /** Starts the lanes (and the metrics' clock); the future completes when every lane is done. */
    public CompletableFuture<Void> start() {
        List<Lane> lanes = new ArrayList<>();
        for (int index = 0; index < concurrency; index++) {
            lanes.add(transport.lane(mode));
        }
        running.set(concurrency);
        metrics.start();
        for (int index = 0; index < concurrency; index++) {
            Lane lane = lanes.get(index);
            int laneIndex = index;
            lane.eventLoop().execute(() -> next(lane, laneIndex));
        }
        return finished.whenComplete((ignored, failure) -> lanes.forEach(Lane::close));
    }

    /** Runs to the end, waiting on the calling thread. */
    public void run() {
        start().join();
    }

    private void next(Lane lane, int laneIndex) {
        Work work;
        try {
            work = workload.next(laneIndex);
        } catch (RuntimeException e) {
            finished.completeExceptionally(e);
            return;
        }
        if (work == null) {
            if (running.decrementAndGet() == 0) {
                metrics.stop();
                finished.complete(null);
            }
            return;
        }
        lane.send(new Exchange(work::request, work.bodyMode(), work.ticketSlot(), new ExchangeListener() {
            @Override
            public void answered(Answer answer, long latencyNanos) {
                metrics.handshake(answer.handshake());
                ErrorKind error = answer.successful() ? work.judge(answer) : ErrorClassifier.ofStatus(answer.status());
                if (error == null) {
                    metrics.bytes(answer.bodyBytes());
                    metrics.success(latencyNanos);
                } else {
                    metrics.failure(error);
                }
                work.done();
                next(lane, laneIndex);
            }

            @Override
            public void failed(Throwable cause, long latencyNanos) {
                metrics.failure(ErrorClassifier.ofFailure(cause));
                work.done();
                next(lane, laneIndex);
            }
        }));
    }
}
