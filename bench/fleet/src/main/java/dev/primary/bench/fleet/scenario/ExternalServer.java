package dev.primary.bench.fleet.scenario;

import dev.primary.bench.fleet.metrics.UsageReading;
import dev.primary.bench.fleet.transport.Endpoint;
import dev.primary.bench.harness.ManagedServer;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * A server the simulator did not start ({@code --server host:port --pin ...}); its CPU and memory are sampled only
 * when its process id is given ({@code --server-pid}) and the process runs on this machine.
 */
public final class ExternalServer implements ServerTarget {
    private final Endpoint endpoint;
    private final OptionalLong pid;

    public ExternalServer(Endpoint endpoint, OptionalLong pid) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.pid = Objects.requireNonNull(pid, "pid");
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public Optional<ManagedServer> managed() {
        return Optional.empty();
    }

    @Override
    public Optional<Supplier<UsageReading>> usage() {
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        long processId = pid.getAsLong();
        return Optional.of(() -> ManagedTarget.reading(processId));
    }

    @Override
    public String describe() {
        return "external server " + endpoint + (pid.isPresent() ? " (pid " + pid.getAsLong() + ")" : "");
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
