package dev.primary.bench.fleet.scenario;

import dev.primary.bench.fleet.metrics.UsageReading;
import dev.primary.bench.fleet.transport.Endpoint;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A baseline server running inside the simulator's JVM (the hello-world and static-file ceilings): its "server"
 * CPU and memory are the whole JVM's, simulator included, which the results say.
 */
public final class InProcessTarget implements ServerTarget {
    private final Endpoint endpoint;
    private final String description;
    private final AutoCloseable server;

    public InProcessTarget(Endpoint endpoint, String description, AutoCloseable server) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.description = Objects.requireNonNull(description, "description");
        this.server = Objects.requireNonNull(server, "server");
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public Optional<Supplier<UsageReading>> usage() {
        return Optional.of(() -> ManagedTarget.reading(ProcessHandle.current().pid()));
    }

    @Override
    public String describe() {
        return description + " in the simulator's JVM (server figures include the simulator)";
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop " + description + ": " + e.getMessage(), e);
        }
    }
}
