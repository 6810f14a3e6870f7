package dev.primary.bench.fleet.nodes;

import dev.primary.bench.fleet.metrics.UsageReading;
import dev.primary.bench.fleet.scenario.EnrollmentMode;
import dev.primary.bench.fleet.scenario.ServerTarget;
import dev.primary.bench.fleet.transport.Endpoint;
import dev.primary.bench.harness.ManagedServer;
import dev.primary.bench.harness.ProcessUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One configuration's servers: one on SQLite, or one to three on one PostgreSQL database sharing the fleet's
 * identity (the first server's identity files copied into the others' data directories before their first start, as
 * {@code bin/primary-fleet-identity} does), licensed once through the first, clients enrolling openly. Its CPU reading
 * is the sum of every server process and of PostgreSQL (postmaster and backends), so a phase's CPU is the
 * configuration's whole cost; {@link #cpuByProcess()} splits it.
 */
final class NodeFleet implements ServerTarget {
    /** What every server of a fleet shares (as bin/primary-fleet-identity carries it). */
    static final List<String> IDENTITY = List.of("installation-id", "admin-token", "keys", "trusted-vendors",
            "trusted-release-keys", "server.properties");

    private final List<ManagedServer> servers;
    private final OptionalLong postgresPid;
    private final String description;

    private NodeFleet(List<ManagedServer> servers, OptionalLong postgresPid, String description) {
        this.servers = List.copyOf(servers);
        this.postgresPid = postgresPid;
        this.description = description;
    }

    /**
     * Starts {@code count} servers in {@code work}/node-1.. with {@code storeArguments} (none for SQLite) and licenses
     * the fleet with {@code seats} seats; on failure stops whatever started.
     */
    static NodeFleet start(Path work, int count, List<String> storeArguments, List<String> jvmOptions, int seats,
            OptionalLong postgresPid, String description) {
        List<String> arguments = new ArrayList<>(storeArguments);
        arguments.addAll(EnrollmentMode.OPEN.serverArguments());
        List<ManagedServer> started = new ArrayList<>();
        try {
            ManagedServer first = new ManagedServer(work.resolve("node-1"), jvmOptions, arguments);
            Runtime.getRuntime().addShutdownHook(new Thread(first::close, "nodes-server-cleanup"));
            started.add(first.start());
            first.license("FLEET-NODES-1", seats);
            for (int node = 2; node <= count; node++) {
                Path nodeWork = work.resolve("node-" + node);
                copyIdentity(first.dataDirectory(), nodeWork.resolve("data"));
                ManagedServer next = new ManagedServer(nodeWork, jvmOptions, arguments);
                Runtime.getRuntime().addShutdownHook(new Thread(next::close, "nodes-server-cleanup"));
                started.add(next.start());
            }
        } catch (RuntimeException e) {
            started.forEach(ManagedServer::close);
            throw e;
        }
        return new NodeFleet(started, postgresPid, description);
    }

    static void copyIdentity(Path from, Path to) {
        try {
            Files.createDirectories(to);
            for (String name : IDENTITY) {
                Path source = from.resolve(name);
                if (!Files.exists(source)) {
                    continue;
                }
                try (Stream<Path> paths = Files.walk(source)) {
                    for (Path path : paths.toList()) {
                        Path target = to.resolve(from.relativize(path).toString());
                        if (Files.isDirectory(path)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES,
                                    StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the fleet's identity to " + to + ": " + e.getMessage(), e);
        }
    }

    List<ManagedServer> servers() {
        return servers;
    }

    /** CPU nanoseconds so far of each server ({@code server-1}..) and of PostgreSQL ({@code postgresql}). */
    Map<String, Long> cpuByProcess() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (int i = 0; i < servers.size(); i++) {
            cpu.put("server-" + (i + 1), ProcessCpu.of(servers.get(i).pid()));
        }
        postgresPid.ifPresent(pid -> cpu.put("postgresql", ProcessCpu.ofTree(pid)));
        return cpu;
    }

    @Override
    public Endpoint endpoint() {
        return endpoints().get(0);
    }

    @Override
    public List<Endpoint> endpoints() {
        return servers.stream().map(server -> new Endpoint(server.host(), server.clientPort(), server.tlsPin()))
                .toList();
    }

    @Override
    public String enrollmentToken() {
        return "";
    }

    @Override
    public Optional<ManagedServer> managed() {
        return Optional.empty(); // several processes: scenarios that restart or count one server do not apply
    }

    @Override
    public Optional<Supplier<UsageReading>> usage() {
        return Optional.of(() -> {
            long cpu = cpuByProcess().values().stream().mapToLong(Long::longValue).sum();
            long resident = servers.stream().mapToLong(server -> ProcessUsage.of(server.pid()).residentBytes()).sum();
            return new UsageReading(servers.get(0).pid(), cpu, resident);
        });
    }

    @Override
    public String describe() {
        return description + ": " + servers.stream().map(server -> "pid " + server.pid() + " on port "
                + server.clientPort()).collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        for (ManagedServer server : servers) {
            if (server.isRunning()) {
                server.stop();
            }
            server.close();
        }
    }
}
