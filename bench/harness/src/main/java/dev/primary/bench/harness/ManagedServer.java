package dev.primary.bench.harness;

import dev.primary.admin.http.AdminApi;
import dev.primary.admin.http.AdminConnection;
import dev.primary.admin.http.Answer;
import dev.primary.protocol.admin.ComputerPage;
import dev.primary.protocol.admin.CreatedEnrollmentToken;
import dev.primary.protocol.admin.EnrollmentTokenRequest;
import dev.primary.protocol.admin.LicenseSummary;
import dev.primary.protocol.admin.TrafficCounters;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.probe.ServerProbe;
import dev.primary.protocol.probe.ServerProbeException;
import dev.primary.protocol.tls.TlsPin;
import dev.primary.server.identity.AdminEndpoint;
import dev.primary.testkit.CommandResult;
import dev.primary.testkit.FreePorts;
import dev.primary.testkit.JavaProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Primary Server ({@code ServerMain}) in its own JVM, on its own data directory and free ports, with the
 * vendor's real {@code license-tool} and the administrator's real {@code primary-admin} (each in a child JVM) to
 * license and inspect it. The server JVM gets exactly the JVM options given (heap, GC, JFR ...), unlike the test
 * kit's {@link JavaProcess}, whose fixed options suit short-lived programs but not a server under measurement.
 * It can be stopped and started again on the same data directory and ports.
 *
 * <p>Every simulated client of a benchmark connects from 127.0.0.1, so the server gets a per-source registration
 * limit far above what this machine can register, and no cap on connections per source beyond its total
 * ({@link #REGISTRATION_LIMIT}), unless the arguments given set them.
 */
public final class ManagedServer implements AutoCloseable {
    static final String SERVER_MAIN = "dev.primary.server.cli.ServerMain";
    static final String ADMIN_MAIN = "dev.primary.admin.PrimaryAdminMain";
    private static final String HOST = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration ADMIN_API_TIMEOUT = Duration.ofSeconds(30);
    /**
     * The per-source limit on registrations a benchmark server gets: a million at once, then 100,000 a second. The
     * server's default (200 at once, then 20 a second) would answer almost every registration of a cold start from
     * 127.0.0.1 with 429. Both are far above the ~1,000 registrations a second this machine manages, so the limit
     * never decides a figure. Not higher: the server's bucket refill multiplies the rate by a source's idle
     * nanoseconds and overflows once that passes 2^63 (at 100,000,000 a second a source idle for 92 s is refused
     * for the next 92 s; at 100,000 it takes 25 idle hours). The cap on connections per source goes too: every
     * simulated client shares 127.0.0.1, so only the server's total cap may decide how many connect at once.
     */
    public static final List<String> REGISTRATION_LIMIT = List.of("--registration-burst", "1000000",
            "--registration-rate", "100000", "--max-connections-per-source", "1000000");

    private final Path dataDirectory;
    private final Path log;
    private final List<String> jvmOptions;
    private final List<String> serverArguments;
    private final LicenseTool vendor;
    private final int clientPort;
    private final int adminPort;
    private Process process;
    private TlsPin tlsPin;

    /**
     * Prepares (does not start) a server: a vendor key in {@code workDirectory/vendor}, data in
     * {@code workDirectory/data}, its log appended to {@code workDirectory/server.log}, two free ports.
     *
     * @param jvmOptions options for the server's JVM, e.g. {@code -Xmx1g}, {@code -XX:+UseParallelGC}
     * @param serverArguments further {@code primary-server} options, e.g. {@code --waiting-retry-after 1s}
     */
    public ManagedServer(Path workDirectory, List<String> jvmOptions, List<String> serverArguments) {
        try {
            Files.createDirectories(workDirectory.resolve("vendor"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + workDirectory + ": " + e.getMessage(), e);
        }
        this.dataDirectory = workDirectory.resolve("data").toAbsolutePath();
        this.log = workDirectory.resolve("server.log").toAbsolutePath();
        this.jvmOptions = List.copyOf(jvmOptions);
        this.serverArguments = withRegistrationLimit(serverArguments);
        this.vendor = new LicenseTool(workDirectory.resolve("vendor").toAbsolutePath());
        this.clientPort = FreePorts.next();
        this.adminPort = FreePorts.next();
    }

    /** Starts the server process and waits (at most 60 s) until {@code GET /v1/hello} answers. */
    public synchronized ManagedServer start() {
        if (isRunning()) {
            throw new IllegalStateException("the server is already running (pid " + process.pid() + ")");
        }
        ProcessBuilder builder = new ProcessBuilder(command())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the server JVM: " + e.getMessage(), e);
        }
        tlsPin = awaitHello();
        return this;
    }

    /** SIGTERM, then waits (at most 30 s, then SIGKILL) until the process has exited. */
    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            awaitExit();
        }
    }

    /** SIGKILL, like {@code kill -9}: the server gets no chance to close anything. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            awaitExit();
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The server's process id; the latest one after a restart. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException("the server was never started");
        }
        return process.pid();
    }

    public String host() {
        return HOST;
    }

    public int clientPort() {
        return clientPort;
    }

    public int adminPort() {
        return adminPort;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The server's log (stdout and stderr of every start, appended). */
    public Path log() {
        return log;
    }

    /** The pin of the server's TLS key, as its hello presented it at the latest start. */
    public synchronized TlsPin tlsPin() {
        if (tlsPin == null) {
            throw new IllegalStateException("the server was never started, so its TLS key is not known yet");
        }
        return tlsPin;
    }

    /**
     * Issues a license of {@code seats} seats with the vendor key, imports it, gets its registration code and
     * unlocks it: the real chain, through {@code license-tool} and {@code primary-admin}. The server must run.
     */
    public void license(String serial, int seats) {
        admin("license", "import", vendor.issue(serial, seats).toString());
        String code = admin("license", "code", serial).strip();
        admin("license", "unlock", vendor.unlock(serial, code).toString());
    }

    /**
     * Creates an enrollment token over the admin API, with no limit of uses and no expiry, and returns its text
     * ({@code <id>.<secret>}, shown this once) for the clients to register with. The server must run.
     */
    public String createEnrollmentToken(String label) {
        Answer answer = new AdminApi(adminConnection(), ADMIN_API_TIMEOUT, ADMIN_API_TIMEOUT)
                .createEnrollmentToken(new EnrollmentTokenRequest(label, 0, 0, ""));
        if (answer.status() != 201) {
            throw new IllegalStateException(answer.request() + " answered " + answer.status() + ": "
                    + new String(answer.body(), StandardCharsets.UTF_8));
        }
        return answer.as(CreatedEnrollmentToken.class).token();
    }

    /** The running server's admin API as {@code primary-admin} finds it: the endpoint, pin and token files. */
    public AdminConnection adminConnection() {
        AdminEndpoint endpoint = AdminEndpoint.readFrom(dataDirectory.resolve("admin-endpoint"));
        try {
            String token = Files.readString(dataDirectory.resolve("admin-token")).strip();
            return new AdminConnection(URI.create(endpoint.url()), new TlsPin(endpoint.tlsPin()), token);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the admin token in " + dataDirectory, e);
        }
    }

    /** {@code primary-admin summary --json}. */
    public LicenseSummary summary() {
        return Json.read(admin("summary", "--json").getBytes(StandardCharsets.UTF_8), LicenseSummary.class);
    }

    /** {@code primary-admin counters --json}: what the client port answered since the server started. */
    public TrafficCounters counters() {
        return Json.read(admin("counters", "--json").getBytes(StandardCharsets.UTF_8), TrafficCounters.class);
    }

    /** {@code primary-admin computers --json} with further options, e.g. {@code --sort}, {@code --state}, {@code --limit}. */
    public ComputerPage computers(String... primaryAdminArguments) {
        List<String> arguments = new ArrayList<>(List.of("computers", "--json"));
        arguments.addAll(List.of(primaryAdminArguments));
        return Json.read(admin(arguments.toArray(String[]::new)).getBytes(StandardCharsets.UTF_8), ComputerPage.class);
    }

    /**
     * Runs {@code primary-admin --data-dir <data> <arguments>} in a child JVM and returns what it printed.
     *
     * @throws CommandFailedException when it exits with another code than 0
     */
    public String admin(String... primaryAdminArguments) {
        List<String> arguments = new ArrayList<>(List.of("--data-dir", dataDirectory.toString()));
        arguments.addAll(List.of(primaryAdminArguments));
        CommandResult result = JavaProcess.run(ADMIN_TIMEOUT, Map.of(), ADMIN_MAIN, arguments.toArray(String[]::new));
        if (result.exitCode() != 0) {
            throw new CommandFailedException("primary-admin " + String.join(" ", primaryAdminArguments), result);
        }
        return result.stdout();
    }

    /** CPU time and resident memory of the running server process. */
    public ProcessUsage usage() {
        return ProcessUsage.of(pid());
    }

    /** Kills the process if it still runs. */
    @Override
    public synchronized void close() {
        if (isRunning()) {
            kill();
        }
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SERVER_MAIN,
                "--port", Integer.toString(clientPort), "--admin-port", Integer.toString(adminPort),
                "--data-dir", dataDirectory.toString(), "--vendor-key", vendor.publicKey().toString()));
        command.addAll(serverArguments);
        return command;
    }

    /** {@code serverArguments} after {@link #REGISTRATION_LIMIT}'s options that they do not set themselves. */
    static List<String> withRegistrationLimit(List<String> serverArguments) {
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < REGISTRATION_LIMIT.size(); i += 2) {
            String option = REGISTRATION_LIMIT.get(i);
            if (serverArguments.stream().noneMatch(given -> given.equals(option) || given.startsWith(option + "="))) {
                arguments.addAll(REGISTRATION_LIMIT.subList(i, i + 2));
            }
        }
        arguments.addAll(serverArguments);
        return List.copyOf(arguments);
    }

    private TlsPin awaitHello() {
        ServerProbe probe = new ServerProbe(Duration.ofSeconds(2));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new ServerStartException("the server exited with code " + process.exitValue()
                        + " before it answered hello; see " + log, null);
            }
            try {
                return probe.probe(HOST, clientPort, Optional.empty()).tlsPin();
            } catch (ServerProbeException e) {
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new ServerStartException("the server did not answer hello within " + START_TIMEOUT
                            + " (" + e.getMessage() + "); see " + log, e);
                }
            }
            pause();
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerStartException("interrupted while waiting for the server to start", e);
        }
    }
}
