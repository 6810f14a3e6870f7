package dev.primary.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.admin.PrimaryAdminMain;
import dev.primary.deployment.DeploymentUtilityMain;
import dev.primary.licensetool.LicenseToolMain;
import dev.primary.testkit.CommandResult;
import dev.primary.testkit.Eventually;
import dev.primary.testkit.FreePorts;
import dev.primary.testkit.InProcessCommand;
import dev.primary.testkit.JavaProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archives and Debian packages this build made, unpacked into a scratch root (nothing is installed on this
 * machine): the server of the server package, started by its own launcher with plain java, licenses a client
 * installed from the client archive, over real HTTPS on loopback.
 */
class PackagesIT {
    static final Path DIST = Path.of(System.getProperty("primary.dist.directory", "target"));
    static final String VERSION = System.getProperty("primary.expected.version");
    static final Duration PATIENCE = Duration.ofMinutes(2);

    @TempDir
    Path scratch;

    static Path serverDeb() {
        return DIST.resolve("primary-server_" + VERSION.replace("-SNAPSHOT", "~SNAPSHOT") + "_all.deb");
    }

    static Path clientDeb() {
        return DIST.resolve("primary-client_" + VERSION.replace("-SNAPSHOT", "~SNAPSHOT") + "_all.deb");
    }

    @Test
    void the_packaged_server_licenses_a_client_installed_from_the_client_archive() throws IOException {
        try (PackagedServer server = PackagedServer.start(this)) {
            Path home = server.deployClient("PKG-PC");
            try (JavaProcess clientProcess = server.startClient(home, "client.log")) {
                server.awaitLicensedAndRecording(clientProcess, "PKG-PC", home);
                assertThat(clientProcess.stop()).as("client-service stopped by SIGTERM").isIn(0, 143);
            }
        }
    }

    /**
     * The Client Service's class archive (docs/configuration.md, "The Client Service's class archive"): before the first
     * start the launcher's training run (a real check-in, a stand-in Recorder) writes it, and the service maps it from
     * its first start; a damaged one (a dump cut short) is deleted by the launcher's check and made again, so that the
     * service still starts; one that others may change is not used. The training and the service are one client: one
     * computer, one seat.
     */
    @Test
    void the_packaged_client_maps_the_class_archive_of_its_training_run_and_replaces_a_damaged_one() throws IOException {
        try (PackagedServer server = PackagedServer.start(this)) {
            Path home = server.deployClient("CDS-PC");
            Path archive = home.resolve("class-archive/client-service.jsa");

            try (JavaProcess first = server.startClient(home, "client-1.log")) {
                server.awaitLicensedAndRecording(first, "CDS-PC", home);
                assertThat(first.output()).contains("class archive made by a training run");
                assertThat(archive).isRegularFile();
                assertThat(Files.size(archive)).isGreaterThan(1_000_000);
                assertThat(mappedFiles(first)).as("the first start maps the archive").contains(archive.toString());
                assertThat(first.stop()).isIn(0, 143);
            }
            assertThat(Files.getPosixFilePermissions(home.resolve("class-archive")))
                    .containsOnly(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                            PosixFilePermission.OWNER_EXECUTE);
            assertThat(Files.readString(home.resolve("class-archive/training.log")))
                    .as("the training ran the service's start-up").contains("starting");
            assertThat(admin(server.data(), "computers").lines().filter(line -> line.contains("CDS-PC")))
                    .as("the training run checked in as the same client").hasSize(1);

            // a dump cut short by a crash or a full disk: the JVM would abort at start if it mapped it
            byte[] whole = Files.readAllBytes(archive);
            archive.toFile().setWritable(true);
            Files.write(archive, java.util.Arrays.copyOf(whole, whole.length / 3));
            try (JavaProcess second = server.startClient(home, "client-2.log")) {
                server.awaitLicensedAndRecording(second, "CDS-PC", home);
                assertThat(second.output()).contains("class archive was written by another version or JDK, or is damaged")
                        .contains("class archive made by a training run");
                assertThat(Files.size(archive)).as("made again, whole").isGreaterThan(whole.length / 2);
                assertThat(mappedFiles(second)).contains(archive.toString());
                assertThat(second.stop()).isIn(0, 143);
            }
            assertThat(home.resolve("class-archive/client-service.jsa.new")).doesNotExist();
            assertThat(home.resolve("class-archive/training-failed")).doesNotExist();

            // an archive others may change is not mapped: the JVM would load its classes before the home is checked
            Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-rw-rw-"));
            try (JavaProcess third = server.startClient(home, "client-3.log")) {
                server.awaitLicensedAndRecording(third, "CDS-PC", home);
                assertThat(third.output()).contains("may be changed by others: starting without a class archive");
                assertThat(mappedFiles(third)).noneMatch(file -> file.contains("client-service.jsa"));
                assertThat(third.stop()).isIn(0, 143);
            }
        }
    }

    /**
     * A stop (SIGTERM) that comes during the class archive's training run ends the training with the launcher: nothing
     * is left running, no archive or part of one stays, and the training is not counted as failed (the next start
     * trains again). The server is frozen (SIGSTOP) so that the training's check-in hangs until the stop comes.
     */
    @Test
    void a_stop_during_the_class_archive_training_ends_the_training_and_leaves_no_archive() throws IOException {
        try (PackagedServer server = PackagedServer.start(this)) {
            Path home = server.deployClient("CDS-STOP");
            List<String> serverPids = Stream.concat(Stream.of(server.process().pid()),
                    server.process().descendants().stream().map(ProcessHandle::pid)).map(Object::toString).toList();
            signal("-STOP", serverPids);
            try (JavaProcess client = server.startClient(home, "client-stop.log")) {
                Path trainingLog = home.resolve("class-archive/training.log");
                Eventually.within(PATIENCE, () -> assertThat(Files.exists(trainingLog)
                        && Files.readString(trainingLog).contains("starting")).as("the training started").isTrue());
                List<ProcessHandle> underLauncher = client.descendants();
                assertThat(underLauncher).as("the training's timeout and JVM").hasSizeGreaterThanOrEqualTo(2);

                assertThat(client.stop()).as("the launcher's exit code; its output:\n%s", client.output()).isZero();
                assertThat(client.output()).contains("stopped during the class archive's training run");
                System.out.println(client.output().lines().filter(line -> line.contains("stopped during")).findFirst()
                        .orElse(""));
                // (a process killed at the end of the training's bound is gone once its parent, now init, reaps it)
                Eventually.within(Duration.ofSeconds(10), () -> assertThat(underLauncher.stream()
                        .filter(ProcessHandle::isAlive)
                        .map(handle -> handle.pid() + " " + handle.info().commandLine().orElse("(exited)")))
                        .as("nothing the launcher started outlives it").isEmpty());
            } finally {
                signal("-CONT", serverPids);
            }
            assertThat(home.resolve("class-archive/client-service.jsa")).doesNotExist();
            assertThat(home.resolve("class-archive/client-service.jsa.new")).doesNotExist();
            assertThat(home.resolve("class-archive/training-failed")).as("a stop is not a failed training").doesNotExist();
        }
    }

    /** Sends {@code signal} to {@code pids} with bash's own kill (no procps needed). */
    private static void signal(String signal, List<String> pids) {
        succeeds("bash", "-c", "kill " + signal + " " + String.join(" ", pids));
    }

    /** The files the Client Service's JVM (the launcher's java child) has mapped. */
    private static List<String> mappedFiles(JavaProcess launcher) {
        ProcessHandle jvm = launcher.descendants().stream()
                .filter(handle -> handle.info().command().map(command -> command.endsWith("/java")).orElse(false))
                .filter(handle -> handle.info().commandLine().orElse("").contains("ClientServiceMain"))
                .findFirst().orElseThrow(() -> new AssertionError("no Client Service JVM under " + launcher));
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(jvm.pid()), "maps")).stream()
                    .map(line -> line.replaceFirst("^(\\S+\\s+){5}", "").strip())
                    .filter(file -> !file.isEmpty()).distinct().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The server package unpacked and started with a license of 2 seats, and the client archive unpacked. */
    private record PackagedServer(Path scratch, Path data, int port, Path client, String token, JavaProcess process)
            implements AutoCloseable {
        static PackagedServer start(PackagesIT test) throws IOException {
            Path scratch = test.scratch;
            Path root = Files.createDirectories(scratch.resolve("root"));
            Path clientArchive = Files.createDirectories(scratch.resolve("client-archive"));
            succeeds("dpkg-deb", "-x", serverDeb().toString(), root.toString());
            succeeds("tar", "-xzf", DIST.resolve("primary-client-" + VERSION + ".tar.gz").toString(), "-C",
                    clientArchive.toString());
            Path server = root.resolve("usr/share/primary-server");
            Path client = clientArchive.resolve("primary-client-" + VERSION);
            assertThat(Files.readString(server.resolve("bin/.launch"))).doesNotContain("mvn");

            Path vendor = scratch.resolve("vendor");
            licenseTool("vendor-key", "create", "--out", vendor.toString());
            Path data = scratch.resolve("primary-data");
            int port = FreePorts.next();
            int adminPort = FreePorts.next();
            JavaProcess serverProcess = Launched.start(scratch.resolve("server.log"), Map.of(), List.of(
                    server.resolve("bin/primary-server").toString(), "--port", Integer.toString(port), "--admin-port",
                    Integer.toString(adminPort), "--data-dir", data.toString(), "--vendor-key",
                    vendor.resolve("vendor.pub").toString(), "--waiting-retry-after", "1s"));
            try {
                // the unit's ExecStartPost: returns once /health/ready answers 200
                int ready = Launched.run(scratch.resolve("ready.log"), Map.of(), List.of(
                        server.resolve("bin/primary-server-ready").toString(), "--data-dir", data.toString(), "--pid",
                        Long.toString(serverProcess.pid()), "--timeout", "120"));
                assertThat(ready).as("primary-server-ready; server output:\n%s", serverProcess.output()).isZero();

                licenseTool("issue", "--vendor-key", vendor.resolve("vendor.key").toString(), "--serial", "PKG-1",
                        "--customer", "Example Corp", "--seats", "2", "--out", vendor.resolve("pkg.license").toString());
                admin(data, "license", "import", vendor.resolve("pkg.license").toString());
                String code = admin(data, "license", "code", "PKG-1").strip();
                licenseTool("unlock", "--vendor-key", vendor.resolve("vendor.key").toString(), "--registration-code",
                        code, "--out", vendor.resolve("pkg.unlock").toString());
                admin(data, "license", "unlock", vendor.resolve("pkg.unlock").toString());
                String token = admin(data, "enrollment", "create", "--name", "packages", "--uses", "1").lines()
                        .findFirst().orElseThrow();
                return new PackagedServer(scratch, data, port, client, token, serverProcess);
            } catch (RuntimeException | AssertionError e) {
                serverProcess.close();
                throw e;
            }
        }

        /** The deployment utility, with PRIMARY_HOME as the packaged launcher sets it (the archive's own Recorder). */
        Path deployClient(String computerName) {
            Path home = scratch.resolve("client-home");
            CommandResult deployed = InProcessCommand.capture((out, err) -> DeploymentUtilityMain.run(out, err,
                    Map.of("PRIMARY_HOME", client.toString()), "--server", "127.0.0.1", "--port",
                    Integer.toString(port), "--out", home.toString(), "--computer-name", computerName,
                    "--enrollment-token", token, "--nudge-port", "0"));
            assertThat(deployed.exitCode()).as("deployment-utility\n%s", deployed).isZero();
            return home;
        }

        /** Starts {@code bin/client-service run}; the Recorder's log is new, so that its first line is this run's. */
        JavaProcess startClient(Path home, String log) {
            try {
                Files.deleteIfExists(home.resolve("recorder.log"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return Launched.start(scratch.resolve(log), Map.of(), List.of(client.resolve("bin/client-service")
                    .toString(), "run", "--home", home.toString(), "--retry-interval", "300ms", "--verify-interval",
                    "5s"));
        }

        void awaitLicensedAndRecording(JavaProcess clientProcess, String computerName, Path home) {
            Eventually.within(PATIENCE, () -> {
                assertThat(clientProcess.isAlive()).as("client-service output:\n%s", clientProcess.output()).isTrue();
                assertThat(admin(data, "computers")).contains(computerName).contains("licensed");
                Path recorderLog = home.resolve("recorder.log");
                assertThat(Files.exists(recorderLog) && Files.readString(recorderLog).contains("recording"))
                        .as("the archive's sample Recorder records").isTrue();
            });
        }

        @Override
        public void close() {
            assertThat(process.stop()).as("server stopped by SIGTERM; output:\n%s", process.output()).isIn(0, 143);
            process.close();
        }
    }

    @Test
    void the_readiness_waiter_gives_up_when_the_server_exited() throws IOException {
        Path root = Files.createDirectories(scratch.resolve("root"));
        succeeds("dpkg-deb", "-x", serverDeb().toString(), root.toString());
        Path data = Files.createDirectories(scratch.resolve("no-server"));
        // a server that exits at once: a wrong command line (exit code 2)
        try (JavaProcess exited = Launched.start(scratch.resolve("exited.log"), Map.of(), List.of(
                root.resolve("usr/share/primary-server/bin/primary-server").toString(), "--no-such-flag"))) {
            assertThat(exited.awaitExit(Launched.TOOL_PATIENCE)).isEqualTo(2);
            int ready = Launched.run(scratch.resolve("ready.log"), Map.of(), List.of(
                    root.resolve("usr/share/primary-server/bin/primary-server-ready").toString(), "--data-dir",
                    data.toString(), "--pid", Long.toString(exited.pid()), "--timeout", "120"));
            assertThat(ready).isEqualTo(1);
            assertThat(Files.readString(scratch.resolve("ready.log"))).contains("exited before it was ready");
        }
    }

    private static void succeeds(String... command) {
        try {
            Path log = Files.createTempFile("primary-tool", ".log");
            int exit = Launched.run(log, Map.of(), List.of(command));
            assertThat(exit).as("%s\n%s", String.join(" ", command), Files.readString(log)).isZero();
            Files.delete(log);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void licenseTool(String... args) {
        CommandResult result = InProcessCommand.capture((out, err) -> LicenseToolMain.run(out, err, Clock.systemUTC(), args));
        assertThat(result.exitCode()).as("license-tool %s\n%s", String.join(" ", args), result).isZero();
    }

    private static String admin(Path data, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = data.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        CommandResult result = InProcessCommand.capture((out, err) -> PrimaryAdminMain.run(out, err, all));
        assertThat(result.exitCode()).as("primary-admin %s\n%s", String.join(" ", args), result).isZero();
        return result.stdout();
    }
}
