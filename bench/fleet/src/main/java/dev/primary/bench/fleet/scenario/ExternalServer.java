package dev.primary.bench.fleet.scenario;

import dev.primary.bench.fleet.metrics.UsageReading;
import dev.primary.bench.fleet.transport.Endpoint;
import dev.primary.bench.harness.ManagedServer;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * A server the simulator did not start ({@code --server host:port --pin ...}), or several servers of one fleet
 * ({@code --server} repeated: clients are spread over them and fail over on a refused connection); its CPU and memory
 * are sampled only
 * when its process id is given ({@code --server-pid}) and the process runs on this machine. Its clients register
 * with the enrollment token given ({@code --enrollment-token}), or with none when it enrolls openly.
 */
public final class ExternalServer implements ServerTarget {
    private final List<Endpoint> endpoints;
    private final OptionalLong pid;
    private final String enrollmentToken;

    /** @param enrollmentToken the token clients register with; empty for none */
    public ExternalServer(Endpoint endpoint, OptionalLong pid, String enrollmentToken) {
        this(List.of(endpoint), pid, enrollmentToken);
    }

    /** @param endpoints the fleet's servers (one TLS key pin), clients spread over them */
    public ExternalServer(List<Endpoint> endpoints, OptionalLong pid, String enrollmentToken) {
        this.endpoints = List.copyOf(endpoints);
        if (this.endpoints.isEmpty()) {
            throw new IllegalArgumentException("an external target needs at least one server");
        }
        this.pid = Objects.requireNonNull(pid, "pid");
        this.enrollmentToken = Objects.requireNonNull(enrollmentToken, "enrollmentToken");
    }

    @Override
    public Endpoint endpoint() {
        return endpoints.get(0);
    }

    @Override
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    @Override
    public String enrollmentToken() {
        return enrollmentToken;
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
        return (endpoints.size() == 1 ? "external server " + endpoints.get(0) : endpoints.size() + " external servers "
                + endpoints.stream().map(Endpoint::toString).collect(Collectors.joining(", "))) + (pid.isPresent() ? " (pid " + pid.getAsLong() + ")" : "");
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
