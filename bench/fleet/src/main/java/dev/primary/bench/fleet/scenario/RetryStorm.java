package dev.primary.bench.fleet.scenario;

import dev.primary.bench.fleet.client.CheckInResult;
import dev.primary.bench.fleet.client.SimulatedClient;
import dev.primary.bench.fleet.metrics.ErrorClassifier;
import dev.primary.bench.fleet.metrics.ErrorKind;
import dev.primary.bench.fleet.metrics.PhaseMetrics;
import dev.primary.bench.fleet.transport.Answer;
import dev.primary.bench.fleet.transport.BodyMode;
import dev.primary.bench.fleet.transport.ConnectionMode;
import dev.primary.bench.fleet.transport.Exchange;
import dev.primary.bench.fleet.transport.ExchangeListener;
import dev.primary.bench.fleet.transport.HttpsTransport;
import dev.primary.bench.fleet.transport.Lane;
import dev.primary.protocol.json.MalformedJsonException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every client keeps trying to check in on a fresh connection until it gets a licensed answer, pausing per the
 * {@link RetryPolicy} between attempts; at most {@code maxInFlight} attempts run at once (due clients queue). Each
 * attempt's outcome is counted in the metrics current when it ends ({@link #switchMetrics}), so errors while the
 * server was down and after it came back are told apart. A client's success is recorded with the time since
 * {@link #markRecoveryStart()}: the latency figures are recovery times.
 */
final class RetryStorm {
    private final HttpsTransport transport;
    private final List<SimulatedClient> clients;
    private final Operation checkIn;
    private final RetryPolicy policy;
    private final ConcurrentLinkedQueue<Lane> idleLanes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<SimulatedClient> due = new ConcurrentLinkedQueue<>();
    private final AtomicReference<PhaseMetrics> metrics;
    private final AtomicInteger licensed = new AtomicInteger();
    /** When each licensed answer came, in order, in nanoseconds after {@link #markRecoveryStart()}. */
    private final AtomicLongArray licensedAfterNanos;
    private final CompletableFuture<Void> allLicensed = new CompletableFuture<>();
    private final SplittableRandom seeds = new SplittableRandom();
    private volatile long recoveryStartNanos = System.nanoTime();
    private volatile boolean stopped;

    RetryStorm(HttpsTransport transport, List<SimulatedClient> clients, Operation checkIn, RetryPolicy policy,
            int maxInFlight, PhaseMetrics initialMetrics) {
        this.transport = transport;
        this.clients = List.copyOf(clients);
        this.checkIn = checkIn;
        this.licensedAfterNanos = new AtomicLongArray(this.clients.size());
        this.policy = policy;
        this.metrics = new AtomicReference<>(initialMetrics);
        for (int index = 0; index < maxInFlight; index++) {
            idleLanes.add(transport.lane(ConnectionMode.FRESH));
        }
    }

    /** Schedules every client's first attempt within one retry interval; completes when all are licensed. */
    CompletableFuture<Void> start() {
        SplittableRandom random = seeds.split();
        for (SimulatedClient client : clients) {
            schedule(client, policy.firstDelayNanos(random));
        }
        return allLicensed;
    }

    /** From now on, outcomes are counted in {@code next}. */
    void switchMetrics(PhaseMetrics next) {
        metrics.set(next);
    }

    /** Recovery times are measured from now. */
    void markRecoveryStart() {
        recoveryStartNanos = System.nanoTime();
    }

    int licensedCount() {
        return licensed.get();
    }

    /** When the first licensed answer came, in nanoseconds after the recovery start, or -1 before it came. */
    long firstLicensedNanos() {
        long first = licensedAfterNanos.length() == 0 ? 0 : licensedAfterNanos.get(0);
        return first > 0 ? first : -1;
    }

    /** How many clients had their licensed answer within {@code nanos} after the recovery start. */
    int licensedWithin(long nanos) {
        int count = 0;
        int done = Math.min(licensed.get(), licensedAfterNanos.length());
        for (int index = 0; index < done; index++) {
            long after = licensedAfterNanos.get(index);
            if (after > 0 && after <= nanos) {
                count++;
            }
        }
        return count;
    }

    /** Stops scheduling attempts (attempts in flight still end). */
    void stop() {
        stopped = true;
    }

    private void schedule(SimulatedClient client, long delayNanos) {
        if (!stopped) {
            transport.scheduler().schedule(() -> becomeDue(client), delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void becomeDue(SimulatedClient client) {
        if (stopped) {
            return;
        }
        Lane lane = idleLanes.poll();
        if (lane == null) {
            due.add(client);
        } else {
            attempt(lane, client);
        }
    }

    private void laneFree(Lane lane) {
        SimulatedClient next = stopped ? null : due.poll();
        if (next == null) {
            idleLanes.add(lane);
        } else {
            attempt(lane, next);
        }
    }

    private void attempt(Lane lane, SimulatedClient client) {
        SplittableRandom random = new SplittableRandom(client.index() * 31L + System.nanoTime());
        lane.send(new Exchange(() -> checkIn.request(client), BodyMode.KEEP, client.index(), new ExchangeListener() {
            @Override
            public void answered(Answer answer, long latencyNanos) {
                PhaseMetrics counted = metrics.get();
                counted.handshake(answer.handshake());
                if (answer.successful()) {
                    settle(client, answer, counted, random);
                } else {
                    counted.failure(ErrorClassifier.ofStatus(answer.status()));
                    schedule(client, policy.afterRefusalNanos(answer.retryAfterSeconds(), random));
                }
                laneFree(lane);
            }

            @Override
            public void failed(Throwable cause, long latencyNanos) {
                metrics.get().failure(ErrorClassifier.ofFailure(cause));
                schedule(client, policy.delayNanos(-1, random));
                laneFree(lane);
            }
        }));
    }

    private void settle(SimulatedClient client, Answer answer, PhaseMetrics counted, SplittableRandom random) {
        CheckInResult result;
        try {
            result = client.accept(answer.body());
        } catch (MalformedJsonException | IllegalArgumentException e) {
            counted.failure(ErrorKind.PROTOCOL);
            schedule(client, policy.delayNanos(-1, random));
            return;
        }
        if (result.licensed()) {
            long after = System.nanoTime() - recoveryStartNanos;
            counted.success(after);
            int order = licensed.incrementAndGet();
            licensedAfterNanos.set(order - 1, Math.max(1, after));
            if (order == clients.size()) {
                counted.stop();
                allLicensed.complete(null);
            }
        } else {
            counted.failure(CheckInResult.WAITING.equals(result.status()) ? ErrorKind.WAITING : ErrorKind.REVOKED);
            schedule(client, policy.delayNanos(result.retryAfterSeconds(), random));
        }
    }
}
