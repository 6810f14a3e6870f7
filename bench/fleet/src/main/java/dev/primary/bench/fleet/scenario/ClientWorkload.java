package dev.primary.bench.fleet.scenario;

import dev.primary.bench.fleet.client.SimulatedClient;
import dev.primary.bench.fleet.metrics.ErrorKind;
import dev.primary.bench.fleet.transport.Answer;
import dev.primary.bench.fleet.transport.BodyMode;
import dev.primary.bench.fleet.transport.OutgoingRequest;
import java.util.Collection;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Simulated clients doing one {@link Operation} each time a lane takes them. A client is in at most one lane at a
 * time (it leaves the queue while its exchange is in flight), so its requests stay in sequence order. With
 * {@code recycle}, a client goes back to the end of the queue after each exchange (steady check-ins); without,
 * each client does its operation once (cold start, update wave).
 */
public final class ClientWorkload implements Workload {
    private final ConcurrentLinkedQueue<SimulatedClient> queue;
    private final Operation operation;
    private final PresignedRequests presigned;
    private final Budget budget;
    private final boolean recycle;

    /** Clients sign each request when it is sent. */
    public ClientWorkload(Collection<SimulatedClient> clients, Operation operation, Budget budget, boolean recycle) {
        this(clients, operation, null, budget, recycle);
    }

    /** Clients send the requests signed for them before, signing inline only once those run out. */
    public ClientWorkload(Collection<SimulatedClient> clients, Operation operation, PresignedRequests presigned,
            Budget budget, boolean recycle) {
        this.queue = new ConcurrentLinkedQueue<>(clients);
        this.operation = operation;
        this.presigned = presigned;
        this.budget = budget;
        this.recycle = recycle;
    }

    @Override
    public Work next(int laneIndex) {
        SimulatedClient client = queue.poll();
        if (client == null) {
            return null;
        }
        if (!budget.take()) {
            queue.add(client);
            return null;
        }
        return new ClientWork(client);
    }

    private final class ClientWork implements Work {
        private final SimulatedClient client;

        ClientWork(SimulatedClient client) {
            this.client = client;
        }

        @Override
        public OutgoingRequest request() {
            return presigned == null ? operation.request(client) : presigned.next(client);
        }

        @Override
        public BodyMode bodyMode() {
            return operation.bodyMode();
        }

        @Override
        public int ticketSlot() {
            return client.index();
        }

        @Override
        public ErrorKind judge(Answer answer) {
            return operation.judge(client, answer);
        }

        @Override
        public void done() {
            if (recycle) {
                queue.add(client);
            }
        }
    }
}
