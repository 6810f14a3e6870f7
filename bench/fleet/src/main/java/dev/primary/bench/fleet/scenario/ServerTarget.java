package dev.primary.bench.fleet.scenario;

import dev.primary.bench.fleet.metrics.UsageReading;
import dev.primary.bench.fleet.transport.Endpoint;
import dev.primary.bench.harness.ManagedServer;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The server a scenario runs against: one the simulator started ({@link ManagedTarget}) or one given by address. */
public interface ServerTarget extends AutoCloseable {
    Endpoint endpoint();

    /** Every server of the target's fleet (one TLS key pin); the one {@link #endpoint()} unless several were given. */
    default List<Endpoint> endpoints() {
        return List.of(endpoint());
    }

    /**
     * The enrollment token simulated clients send when they register; empty when they send none (a server with
     * open enrollment, or a baseline that registers no one). Empty unless the target says otherwise.
     */
    default String enrollmentToken() {
        return "";
    }

    /**
     * The managed server, when the simulator started it (restarts, counters, releases need it). Empty unless the
     * target says otherwise.
     */
    default Optional<ManagedServer> managed() {
        return Optional.empty();
    }

    /** Reads the server process's CPU and memory, when the simulator can see the process. */
    Optional<Supplier<UsageReading>> usage();

    /** Says what it is, for the results' notes. */
    String describe();

    @Override
    void close();
}
