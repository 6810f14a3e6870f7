package dev.primary.bench.fleet.scenario;

import dev.primary.bench.fleet.client.SimulatedClient;
import dev.primary.bench.fleet.transport.OutgoingRequest;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests signed before a measured phase, each client's in its own sequence order, so that during the phase the
 * simulator spends no CPU on Ed25519 (about 40 µs a request here): on this machine the simulator shares the two
 * cores with the server, while a real fleet signs on its own machines. A client that runs out signs inline (counted
 * in {@link #signedInline()}). Each client is used by one lane at a time, so its queue needs no lock.
 */
public final class PresignedRequests {
    private final Map<Integer, ArrayDeque<OutgoingRequest>> byClient;
    private final Operation operation;
    private final LongAdder inline = new LongAdder();

    private PresignedRequests(Map<Integer, ArrayDeque<OutgoingRequest>> byClient, Operation operation) {
        this.byClient = byClient;
        this.operation = operation;
    }

    /**
     * Signs, in parallel, enough of {@code operation}'s requests for {@code total} operations spread round robin
     * over {@code clients} (each client's share, plus two for the unevenness of a closed loop).
     */
    public static PresignedRequests prepare(List<SimulatedClient> clients, Operation operation, long total) {
        if (clients.isEmpty()) {
            return new PresignedRequests(Map.of(), operation);
        }
        long perClient = Math.min(total, (total + clients.size() - 1) / clients.size() + 2);
        Map<Integer, ArrayDeque<OutgoingRequest>> byClient = new ConcurrentHashMap<>();
        clients.parallelStream().forEach(client -> {
            ArrayDeque<OutgoingRequest> requests = new ArrayDeque<>((int) perClient);
            for (long count = 0; count < perClient; count++) {
                requests.add(operation.request(client));
            }
            byClient.put(client.index(), requests);
        });
        return new PresignedRequests(byClient, operation);
    }

    /** The client's next presigned request, or one signed now if it has none left. */
    OutgoingRequest next(SimulatedClient client) {
        ArrayDeque<OutgoingRequest> requests = byClient.get(client.index());
        OutgoingRequest request = requests == null ? null : requests.poll();
        if (request != null) {
            return request;
        }
        inline.increment();
        return operation.request(client);
    }

    /** Requests that had to be signed during the phase. */
    public long signedInline() {
        return inline.sum();
    }
}
