package dev.primary.bench.fleet.scenario;

import dev.primary.bench.fleet.metrics.UsageReading;
import dev.primary.bench.fleet.transport.Endpoint;
import dev.primary.bench.harness.ManagedServer;
import dev.primary.bench.harness.ProcessUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Primary Server the simulator starts ({@link ManagedServer}: its own JVM, data directory and ports) and
 * licenses through the real vendor and admin chain, with one license of enough seats.
 */
public final class ManagedTarget implements ServerTarget {
    static final String LICENSE_SERIAL = "FLEET-SIM-1";
    private static final Logger LOG = LoggerFactory.getLogger(ManagedTarget.class);

    private final ManagedServer server;
    private final Path workDirectory;
    private final boolean keepWorkDirectory;

    private ManagedTarget(ManagedServer server, Path workDirectory, boolean keepWorkDirectory) {
        this.server = server;
        this.workDirectory = workDirectory;
        this.keepWorkDirectory = keepWorkDirectory;
    }

    /** Starts and licenses a server; fails with the reason if it does not come up. */
    public static ManagedTarget start(ManagedSettings settings) {
        Path work = settings.workDirectory() != null ? settings.workDirectory() : temporaryDirectory();
        ManagedServer server = new ManagedServer(work, settings.jvmOptions(), settings.serverArguments());
        // A simulator stopped with Ctrl-C must not leave its server JVM behind.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "fleet-server-cleanup"));
        try {
            server.start();
            server.license(LICENSE_SERIAL, settings.seats());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        LOG.info("managed server pid {} on {}:{}, work directory {}", server.pid(), server.host(), server.clientPort(),
                work);
        return new ManagedTarget(server, work, settings.keepWorkDirectory() || settings.workDirectory() != null);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("fleet-server-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory for the managed server", e);
        }
    }

    static UsageReading reading(long pid) {
        ProcessUsage usage = ProcessUsage.of(pid);
        return new UsageReading(pid, usage.cpu().toNanos(), usage.residentBytes());
    }

    public ManagedServer server() {
        return server;
    }

    @Override
    public Endpoint endpoint() {
        return new Endpoint(server.host(), server.clientPort(), server.tlsPin());
    }

    @Override
    public Optional<ManagedServer> managed() {
        return Optional.of(server);
    }

    @Override
    public Optional<Supplier<UsageReading>> usage() {
        return Optional.of(() -> reading(server.pid()));
    }

    @Override
    public String describe() {
        return "managed server (own JVM, embedded SQLite, durable seat grants), work directory " + workDirectory;
    }

    /** Stops the server cleanly (SIGTERM, so a flight recording it makes is written), then removes its files. */
    @Override
    public void close() {
        if (server.isRunning()) {
            server.stop();
        }
        server.close();
        if (!keepWorkDirectory) {
            deleteTree(workDirectory);
        }
    }

    /** Deletes a work directory and everything in it; a failure is logged, not thrown. */
    public static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("{} - could not delete the managed server's work directory: {}", root, e.getMessage());
        }
    }
}
