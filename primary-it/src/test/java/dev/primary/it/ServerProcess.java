package dev.primary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.ComputerPage;
import dev.primary.protocol.admin.CreatedEnrollmentToken;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.LicenseSummary;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.probe.ServerProbe;
import dev.primary.testkit.CommandResult;
import dev.primary.testkit.Eventually;
import dev.primary.testkit.FreePorts;
import dev.primary.testkit.JavaProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Primary Server process on its own data directory and ports, with the administrator's
 * real {@code primary-admin} to drive it.
 */
final class ServerProcess implements AutoCloseable {
    private final Path dataDirectory;
    private final Path log;
    private final int clientPort;
    private final int adminPort;
    private final List<String> extraArguments;
    private JavaProcess process;
    private String enrollmentToken;

    ServerProcess(Path dataDirectory, Vendor vendor, String... extraArguments) {
        this.dataDirectory = dataDirectory;
        this.log = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-server.log");
        this.clientPort = FreePorts.next();
        this.adminPort = FreePorts.next();
        // Clients wait what the server tells them; short answers keep these tests quick.
        List<String> arguments = new ArrayList<>(List.of("--vendor-key", vendor.publicKey().toString(),
                "--waiting-retry-after", "1s", "--revoked-retry-after", "1s"));
        arguments.addAll(List.of(extraArguments));
        this.extraArguments = List.copyOf(arguments);
    }

    /** Starts the server and waits until it answers hello. */
    ServerProcess start() {
        List<String> arguments = new ArrayList<>(List.of("--port", Integer.toString(clientPort),
                "--admin-port", Integer.toString(adminPort), "--data-dir", dataDirectory.toString()));
        arguments.addAll(extraArguments);
        process = JavaProcess.start("primary-server", log, Map.of(), Programs.SERVER, arguments);
        ServerProbe probe = new ServerProbe(Duration.ofSeconds(1));
        Eventually.within(Duration.ofSeconds(60), () -> {
            assertThat(process.isAlive()).as("server exited; its output:\n%s", process.output()).isTrue();
            probe.probe("127.0.0.1", clientPort, Optional.empty());
        });
        return this;
    }

    /** SIGTERM: a clean stop. */
    void stop() {
        process.stop();
    }

    /** SIGKILL, like {@code kill -9}. */
    void kill() {
        process.kill();
    }

    int clientPort() {
        return clientPort;
    }

    int adminPort() {
        return adminPort;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    String output() {
        return process == null ? "" : process.output();
    }

    CommandResult admin(String... arguments) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDirectory.toString()));
        all.addAll(List.of(arguments));
        return JavaProcess.run(Duration.ofSeconds(60), Map.of(), Programs.PRIMARY_ADMIN, all.toArray(String[]::new));
    }

    String adminSucceeds(String... arguments) {
        CommandResult result = admin(arguments);
        assertThat(result.exitCode()).as("primary-admin %s\n%s", String.join(" ", arguments), result).isZero();
        return result.stdout();
    }

    /**
     * An enrollment token of unlimited uses for this server's tests, made once with
     * {@code primary-admin enrollment create --json} (the only time its secret is shown).
     */
    synchronized String enrollmentToken() {
        if (enrollmentToken == null) {
            enrollmentToken = Json.read(adminSucceeds("enrollment", "create", "--name", "tests", "--expires", "never",
                    "--json").getBytes(), CreatedEnrollmentToken.class).token();
        }
        return enrollmentToken;
    }

    LicenseSummary summary() {
        return Json.read(adminSucceeds("summary", "--json").getBytes(), LicenseSummary.class);
    }

    List<ComputerView> computers() {
        return Json.read(adminSucceeds("computers", "--json").getBytes(), ComputerPage.class).items();
    }

    ComputerView computer(String name) {
        return Json.read(adminSucceeds("computer", name, "--json").getBytes(), ComputerView.class);
    }

    /** Imports and unlocks a license of {@code seats} seats through the real registration chain. */
    void license(Vendor vendor, String serial, int seats) {
        adminSucceeds("license", "import", vendor.license(serial, seats).toString());
        String code = registrationCode(serial);
        adminSucceeds("license", "unlock", vendor.unlock(code).toString());
    }

    String registrationCode(String serial) {
        return adminSucceeds("license", "code", serial).strip();
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
