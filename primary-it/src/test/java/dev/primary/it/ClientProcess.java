package dev.primary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.home.ClientHome;
import dev.primary.client.home.StateDocument;
import dev.primary.client.home.StateFile;
import dev.primary.deployment.DeploymentUtilityMain;
import dev.primary.protocol.json.Json;
import dev.primary.testkit.CommandResult;
import dev.primary.testkit.Eventually;
import dev.primary.testkit.InProcessCommand;
import dev.primary.testkit.JavaProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Client Service process, installed by the real Deployment Utility (its command line run in this JVM),
 * supervising the real sample Recorder. Short intervals stand in for the minute and the four hours. Its state is
 * read from the state file with the client's own reader ({@link StateFile}); {@link #status()} runs the real
 * {@code client-service status} process, for the one real-CLI check.
 */
final class ClientProcess implements AutoCloseable {
    static final String RECORDER_VERSION = "1.0.1";

    private final String computerName;
    private final Path home;
    private JavaProcess process;

    private ClientProcess(String computerName, Path home) {
        this.computerName = computerName;
        this.home = home;
    }

    /** Installs a client for {@code computerName} under {@code parent} against the live {@code server}. */
    static ClientProcess deploy(ServerProcess server, Path parent, String computerName, String... extraOptions) {
        return deployVia(server, server.clientPort(), parent, computerName, extraOptions);
    }

    /**
     * Installs a client that reaches {@code server} through {@code port} (a proxy, say). Unless the options
     * say otherwise, the client opens no nudge port: many clients share this machine.
     */
    static ClientProcess deployVia(ServerProcess server, int port, Path parent, String computerName,
            String... extraOptions) {
        Path home = parent.resolve(computerName);
        // Options that name servers (a list of several) replace the one server reached through port.
        List<String> arguments = new ArrayList<>(List.of(extraOptions).contains("--server") ? List.of()
                : List.of("--server", "127.0.0.1", "--port", Integer.toString(port)));
        arguments.addAll(List.of("--out", home.toString(), "--computer-name", computerName,
                "--domain", "CORP", "--recorder-version", RECORDER_VERSION,
                "--recorder-command", javaExecutable(),
                "--recorder-arg", "-Xmx32m", "--recorder-arg", "-cp", "--recorder-arg", System.getProperty("java.class.path"),
                "--recorder-arg", Programs.SAMPLE_RECORDER, "--recorder-arg", "--log",
                "--recorder-arg", home.resolve("recorder.log").toString(), "--recorder-arg", "--interval",
                "--recorder-arg", "100ms"));
        arguments.addAll(List.of(extraOptions));
        if (!arguments.contains("--enrollment-token")) {
            arguments.addAll(List.of("--enrollment-token", server.enrollmentToken()));
        }
        if (!arguments.contains("--nudge-port")) {
            arguments.addAll(List.of("--nudge-port", "0"));
        }
        String[] all = arguments.toArray(String[]::new);
        CommandResult result = InProcessCommand.capture((out, err) -> DeploymentUtilityMain.run(out, err, Map.of(), all));
        assertThat(result.exitCode()).as("deployment-utility\n%s", result).isZero();
        return new ClientProcess(computerName, home);
    }

    /** Starts {@code client-service run} with the given retry and verify intervals. */
    ClientProcess start(String retryInterval, String verifyInterval, String... extraOptions) {
        List<String> arguments = new ArrayList<>(List.of("run", "--home", home.toString(), "--retry-interval",
                retryInterval, "--verify-interval", verifyInterval));
        arguments.addAll(List.of(extraOptions));
        process = JavaProcess.start("client-service " + computerName, home.resolve("client-service.out"), Map.of(),
                Programs.CLIENT_SERVICE, arguments);
        return this;
    }

    /**
     * Starts {@code client-service run} through the launcher {@code bin/client-service} uses
     * ({@code bin/.client-service-launcher}), with this JVM's class path as the bundled version: the launcher starts
     * the version selected in the home and starts it again when it asks to.
     */
    ClientProcess startThroughLauncher(String retryInterval, String verifyInterval) {
        List<String> command = new ArrayList<>(List.of("bash", launcherScript().toString()));
        command.addAll(JavaProcess.javaCommandWithTestClassPath());
        command.addAll(List.of(Programs.CLIENT_SERVICE, "run", "--home", home.toString(), "--retry-interval",
                retryInterval, "--verify-interval", verifyInterval));
        process = JavaProcess.startCommand("client-service launcher " + computerName, home.resolve("client-service.out"),
                Map.of(), command);
        return this;
    }

    /** The command lines of the JVMs the launcher runs now (the Client Service, and the Recorder it started). */
    List<String> javaCommandLines() {
        return process.descendants().stream()
                .filter(ProcessHandle::isAlive)
                .map(handle -> handle.info().commandLine().orElse(""))
                .filter(line -> !line.isEmpty())
                .toList();
    }

    private static Path launcherScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("bin").resolve(".client-service-launcher");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new AssertionError("no bin/.client-service-launcher above " + Path.of("").toAbsolutePath());
    }

    void stop() {
        process.stop();
    }

    void kill() {
        process.kill();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    String computerName() {
        return computerName;
    }

    Path home() {
        return home;
    }

    String output() {
        return process == null ? "" : process.output();
    }

    /** {@code client-service status --json}, read by the real command in its own JVM: the one real-CLI check. */
    StateDocument status() {
        CommandResult result = JavaProcess.run(Duration.ofMinutes(2), Map.of(), Programs.CLIENT_SERVICE, "status",
                "--home", home.toString(), "--json");
        assertThat(result.exitCode()).as("client-service status\n%s", result).isZero();
        return Json.read(result.stdout().getBytes(), StateDocument.class);
    }

    /**
     * The state file the running service keeps ({@code <home>/state.json}, replaced atomically on every change),
     * read with the client's own reader: cheap enough to poll. Fails (for {@code Eventually} to retry) while the
     * service has not written it yet.
     */
    StateDocument state() {
        return new StateFile(new ClientHome(home).stateFile()).loadDocument()
                .orElseThrow(() -> new AssertionError("no " + ClientHome.STATE + " in " + home + " yet"));
    }

    /**
     * Waits until the state file has shown {@code count} different contact attempts after {@code after} (each
     * one a full turn of the service's state machine), and returns the states that showed them, in order.
     * Polling may miss an attempt on a busy machine; it never sees one that did not happen.
     */
    List<StateDocument> awaitAttemptsAfter(Instant after, int count) {
        List<StateDocument> attempts = new ArrayList<>();
        Eventually.within(Patience.FAILURE_BOUND, () -> {
            StateDocument current = state();
            Instant attempt = current.lastAttempt();
            boolean seen = attempts.stream().anyMatch(earlier -> earlier.lastAttempt().equals(attempt));
            if (attempt != null && attempt.isAfter(after) && !seen) {
                attempts.add(current);
            }
            assertThat(attempts).as("contact attempts after %s seen in %s", after, ClientHome.STATE)
                    .hasSizeGreaterThanOrEqualTo(count);
        });
        return attempts;
    }

    /** The lines the sample Recorder wrote so far ({@code <time> recording}, {@code <time> stopped}). */
    List<String> recorderLines() {
        Path log = home.resolve("recorder.log");
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long recordingLines() {
        return recorderLines().stream().filter(line -> line.endsWith("recording")).count();
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Stops the client cleanly if it runs (it stops its Recorder), then makes sure nothing is left. */
    @Override
    public void close() {
        if (process != null) {
            if (process.isAlive()) {
                process.stop();
            }
            process.close();
        }
    }
}
