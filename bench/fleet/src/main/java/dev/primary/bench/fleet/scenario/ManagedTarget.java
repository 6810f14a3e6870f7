package dev.primary.bench.fleet.scenario;

import dev.primary.bench.fleet.metrics.UsageReading;
import dev.primary.bench.fleet.transport.Endpoint;
import dev.primary.bench.harness.ManagedServer;
import dev.primary.bench.harness.ProcessUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Primary Server the simulator starts ({@link ManagedServer}: its own JVM, data directory and ports) and
 * licenses through the real vendor and admin chain, with one license of enough seats. With token enrollment (the
 * server's default) it also creates the enrollment token the simulated clients register with; with open enrollment
 * the server runs with {@code --open-enrollment true}.
 */
public final class ManagedTarget implements ServerTarget {
    static final String LICENSE_SERIAL = "FLEET-SIM-1";
    private static final Logger LOG = LoggerFactory.getLogger(ManagedTarget.class);

    static final String TOKEN_LABEL = "fleet simulator";

    private final ManagedServer server;
    private final Path workDirectory;
    private final boolean keepWorkDirectory;
    private final EnrollmentMode enrollment;
    private final String enrollmentToken;

    private ManagedTarget(ManagedServer server, Path workDirectory, boolean keepWorkDirectory,
            EnrollmentMode enrollment, String enrollmentToken) {
        this.server = server;
        this.workDirectory = workDirectory;
        this.keepWorkDirectory = keepWorkDirectory;
        this.enrollment = enrollment;
        this.enrollmentToken = enrollmentToken;
    }

    /** Starts and licenses a server (and creates its enrollment token); fails with the reason if it does not come up. */
    public static ManagedTarget start(ManagedSettings settings) {
        Path work = settings.workDirectory() != null ? settings.workDirectory() : temporaryDirectory();
        List<String> arguments = new ArrayList<>(settings.serverArguments());
        arguments.addAll(settings.enrollment().serverArguments());
        ManagedServer server = new ManagedServer(work, settings.jvmOptions(), arguments);
        // A simulator stopped with Ctrl-C must not leave its server JVM behind.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "fleet-server-cleanup"));
        String token;
        try {
            server.start();
            server.license(LICENSE_SERIAL, settings.seats());
            token = settings.enrollment() == EnrollmentMode.TOKEN ? server.createEnrollmentToken(TOKEN_LABEL) : "";
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        LOG.info("managed server pid {} on {}:{}, {} enrollment, work directory {}", server.pid(), server.host(),
                server.clientPort(), settings.enrollment().label(), work);
        return new ManagedTarget(server, work, settings.keepWorkDirectory() || settings.workDirectory() != null,
                settings.enrollment(), token);
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
    public String enrollmentToken() {
        return enrollmentToken;
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
        return "managed server (own JVM, embedded SQLite, durable seat grants, "
                + (enrollment == EnrollmentMode.TOKEN ? "clients enroll with a token" : "open enrollment")
                + "), work directory " + workDirectory;
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
