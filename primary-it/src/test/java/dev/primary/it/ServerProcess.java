package dev.primary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.admin.PrimaryAdminMain;
import dev.primary.admin.http.AdminApi;
import dev.primary.admin.http.AdminConnection;
import dev.primary.protocol.admin.AccountRequest;
import dev.primary.protocol.admin.AccountRole;
import dev.primary.protocol.admin.ComputerPage;
import dev.primary.protocol.admin.ComputerQuery;
import dev.primary.protocol.admin.CreatedEnrollmentToken;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.LicenseSummary;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.probe.ServerProbe;
import dev.primary.protocol.tls.TlsPin;
import dev.primary.server.identity.AdminEndpoint;
import dev.primary.testkit.CommandResult;
import dev.primary.testkit.Eventually;
import dev.primary.testkit.FreePorts;
import dev.primary.testkit.InProcessCommand;
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

/**
 * A real Primary Server process on its own data directory and ports, driven as its administrator does: with
 * {@code primary-admin} (run in this JVM, {@link #admin}; or as a real process, {@link #adminByRealProcess}, once
 * per command-line behaviour) and read through the admin API in this JVM ({@link #summary}, {@link #computers},
 * {@link #computer}), so that polling the server starts no JVM.
 */
final class ServerProcess implements AutoCloseable {
    /** Bounds a failure only: a start on an idle machine takes a second or two, on a loaded one far longer. */
    private static final Duration START_PATIENCE = Duration.ofMinutes(2);
    private static final Duration COMMAND_PATIENCE = Duration.ofMinutes(2);

    private final Path dataDirectory;
    private final Path log;
    private int clientPort;
    private int adminPort;
    private boolean startedOnce;
    private final List<String> extraArguments;
    private JavaProcess process;
    private volatile AdminApi api;
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

    /**
     * Another server on {@code dataDirectory} and {@code extraArguments}, answering on this one's ports (which its
     * clients know): the same site on another store or restored elsewhere. Start it once this one has stopped.
     */
    ServerProcess successor(Path dataDirectory, Vendor vendor, String... extraArguments) {
        ServerProcess next = new ServerProcess(dataDirectory, vendor, extraArguments);
        next.clientPort = clientPort;
        next.adminPort = adminPort;
        next.startedOnce = true;
        return next;
    }

    /**
     * Starts the server and waits until it answers hello on its client port and its admin API answers. On a shared
     * machine another program may take a free port before the server binds it: a first start then tries new ports
     * (a restart keeps its ports, which its clients know).
     */
    ServerProcess start() {
        for (int attempt = 1; ; attempt++) {
            if (startOnPorts()) {
                startedOnce = true;
                return this;
            }
            boolean portTaken = process.output().contains("is already in use");
            assertThat(portTaken && !startedOnce && attempt < 3).as("server exited; its output:\n%s", process.output())
                    .isTrue();
            process.close();
            clientPort = FreePorts.next();
            adminPort = FreePorts.next();
        }
    }

    /** Starts the process; true once it serves, false if it exited first. */
    private boolean startOnPorts() {
        List<String> arguments = new ArrayList<>(List.of("--port", Integer.toString(clientPort),
                "--admin-port", Integer.toString(adminPort), "--data-dir", dataDirectory.toString()));
        arguments.addAll(extraArguments);
        api = null;
        JavaProcess started = JavaProcess.start("primary-server", log, Map.of(), Programs.SERVER, arguments);
        process = started;
        ServerProbe probe = new ServerProbe(Duration.ofSeconds(5));
        Eventually.within(START_PATIENCE, () -> {
            if (!started.isAlive()) {
                return;
            }
            probe.probe("127.0.0.1", clientPort, Optional.empty());
            AdminApi admin = connectToAdminApi();
            admin.server();
            api = admin;
        });
        return api != null;
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

    /** {@code primary-admin --data-dir DIR ARGUMENTS}, run in this JVM: the real command line, no JVM start. */
    CommandResult admin(String... arguments) {
        String[] all = withDataDirectory(arguments);
        return InProcessCommand.capture((out, err) -> PrimaryAdminMain.run(out, err, all));
    }

    /** {@code primary-admin --data-dir DIR ARGUMENTS} as a real process: for the one real-CLI check of a behaviour. */
    CommandResult adminByRealProcess(String... arguments) {
        return JavaProcess.run(COMMAND_PATIENCE, Map.of(), Programs.PRIMARY_ADMIN, withDataDirectory(arguments));
    }

    /** As {@link #adminByRealProcess}, with standard input read from {@code input} (a password, for instance). */
    CommandResult adminByRealProcess(Path input, String... arguments) {
        return JavaProcess.run(COMMAND_PATIENCE, Map.of(), input.toFile(), Programs.PRIMARY_ADMIN,
                withDataDirectory(arguments));
    }

    private String[] withDataDirectory(String... arguments) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDirectory.toString()));
        all.addAll(List.of(arguments));
        return all.toArray(String[]::new);
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

    /** Creates an account with {@code password} through the admin API in this JVM ({@code POST /admin/v1/accounts}). */
    void createAccount(String name, AccountRole role, String password) {
        int status = api().createAccount(new AccountRequest(name, role, password)).status();
        assertThat(status).as("account %s created", name).isEqualTo(201);
    }

    /** Where and how the admin listener answers: its URL and TLS key pin, as {@code admin-endpoint} says. */
    AdminEndpoint adminEndpoint() {
        return AdminEndpoint.readFrom(dataDirectory.resolve("admin-endpoint"));
    }

    /** The License Summary, through the admin API in this JVM ({@code GET /admin/v1/summary}). */
    LicenseSummary summary() {
        return api().summary().as(LicenseSummary.class);
    }

    /** Every computer (up to a thousand), through the admin API in this JVM. */
    List<ComputerView> computers() {
        ComputerQuery all = new ComputerQuery("", null, ComputerQuery.Sort.NAME, false, 0, ComputerQuery.MAX_LIMIT);
        return api().computers(all).as(ComputerPage.class).items();
    }

    /** One computer ({@code NAME} or {@code DOMAIN\\NAME}), through the admin API in this JVM. */
    ComputerView computer(String name) {
        return api().computer(name).as(ComputerView.class);
    }

    /**
     * Imports and unlocks a license of {@code seats} seats through the registration chain: the vendor's
     * {@code license-tool} and the administrator's {@code primary-admin}, both run in this JVM.
     */
    void license(Vendor vendor, String serial, int seats) {
        adminSucceeds("license", "import", vendor.license(serial, seats).toString());
        String code = adminSucceeds("license", "code", serial).strip();
        adminSucceeds("license", "unlock", vendor.unlock(code).toString());
    }

    /** The same chain with every program a real process: the one real-CLI check of licensing. */
    void licenseByRealProcesses(Vendor vendor, String serial, int seats) {
        succeedsByRealProcess("license", "import", vendor.licenseByRealProcess(serial, seats).toString());
        String code = succeedsByRealProcess("license", "code", serial).strip();
        succeedsByRealProcess("license", "unlock", vendor.unlockByRealProcess(code).toString());
    }

    String succeedsByRealProcess(String... arguments) {
        CommandResult result = adminByRealProcess(arguments);
        assertThat(result.exitCode()).as("primary-admin %s\n%s", String.join(" ", arguments), result).isZero();
        return result.stdout();
    }

    private AdminApi api() {
        AdminApi current = api;
        if (current == null) {
            throw new IllegalStateException("the server has not been started");
        }
        return current;
    }

    /** An admin API client made the way {@code primary-admin --data-dir} makes it: endpoint and token from DIR. */
    private AdminApi connectToAdminApi() {
        AdminEndpoint endpoint = AdminEndpoint.readFrom(dataDirectory.resolve("admin-endpoint"));
        String token;
        try {
            token = Files.readString(dataDirectory.resolve("admin-token"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AdminApi(new AdminConnection(URI.create(endpoint.url()), new TlsPin(endpoint.tlsPin()), token),
                Duration.ofSeconds(30), COMMAND_PATIENCE);
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
