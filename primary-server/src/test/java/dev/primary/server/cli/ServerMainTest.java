package dev.primary.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.server.FakeLicensing;
import dev.primary.server.PrimaryServer;
import dev.primary.server.config.Setting;
import dev.primary.server.identity.AdminEndpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerMainTest {
    @TempDir
    Path dataDirectory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicReference<FakeLicensing> core = new AtomicReference<>();

    private ServerMain main(Map<String, String> environment) {
        return new ServerMain(new PrintWriter(out, true), new PrintWriter(err, true), environment,
                (configuration, options) -> PrimaryServer.start(configuration, Clock.systemUTC(), FakeLicensing.opener(core)));
    }

    private int run(String... args) {
        return main(Map.of()).run(args);
    }

    @Test
    void help_explains_every_option_with_its_default_and_exits_0() {
        int code = run("--help");

        assertThat(code).isZero();
        // picocli wraps descriptions at 80 columns; a default may start on one line and end on the next
        String help = out.toString().replaceAll("\\s+", " ");
        for (Setting setting : Setting.values()) {
            assertThat(help).contains("--" + setting.key() + "=" + setting.kind().label() + " ");
            if (!setting.defaultValue().isEmpty()) {
                assertThat(help).contains("(default: " + setting.defaultValue() + ")");
            }
        }
        assertThat(help).contains("--config", "PRIMARY_ADMIN_PORT", "Exit codes");
    }

    @Test
    void help_names_each_value_by_what_it_is() {
        run("--help");

        String help = out.toString().replaceAll("\\s+", " ");
        assertThat(help).contains("--port=N ", "--registration-rate=N ", "--max-connections=N|auto ",
                "--body-min-rate=SIZE ", "--open-enrollment=true|false ", "--store=sqlite|postgresql ",
                "--store-url=URL ", "--store-user=USER ", "--store-password-file=FILE ", "--log-level=low|normal|debug ",
                "--lease-validity=DURATION ");
    }

    @Test
    void version_prints_the_server_version() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString().strip()).isEqualTo("primary-server " + System.getProperty("primary.expected.version"));
    }

    @Test
    void an_unknown_option_is_a_usage_error_with_one_line_on_stderr() {
        int code = run("--prot", "1");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("primary-server: Unknown option").doesNotContain("\n");
    }

    @Test
    void a_configuration_contradiction_is_a_usage_error_naming_the_rule() {
        int code = run("--data-dir", dataDirectory.toString(), "--port", "70000");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("primary-server: port must be 0-65535, got 70000" + System.lineSeparator());
    }

    @Test
    void environment_variables_configure_the_server_too() {
        int code = main(Map.of("PRIMARY_WORKER_THREADS", "0")).run("--data-dir", dataDirectory.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("primary-server: worker-threads must be 1-1024, got 0" + System.lineSeparator());
    }

    @Test
    void a_port_in_use_is_a_start_failure_with_one_clear_line() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int code = run("--data-dir", dataDirectory.toString(), "--bind", "127.0.0.1",
                    "--port", Integer.toString(taken.getLocalPort()), "--admin-port", "0");

            assertThat(code).isEqualTo(1);
            assertThat(err.toString()).isEqualTo("primary-server: port " + taken.getLocalPort()
                    + " is already in use on 127.0.0.1" + System.lineSeparator());
        }
    }

    @Test
    void the_server_runs_in_the_foreground_until_stopped_and_then_exits_0() throws Exception {
        ServerMain main = main(Map.of());
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> main.run(
                "--data-dir", dataDirectory.toString(), "--bind", "127.0.0.1", "--port", "0", "--admin-port", "0",
                "--lease-validity", "2d", "--reclaim-after", "0"));
        Path endpointFile = dataDirectory.resolve("admin-endpoint");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.exists(endpointFile) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(AdminEndpoint.readFrom(endpointFile).url()).startsWith("https://127.0.0.1:");
        assertThat(exit).isNotDone();

        main.requestStop();

        assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(core.get().closed).isTrue();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void a_stop_asked_for_while_the_server_is_still_starting_is_not_lost() throws Exception {
        AtomicReference<ServerMain> self = new AtomicReference<>();
        ServerMain main = new ServerMain(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(),
                (configuration, options) -> {
                    self.get().requestStop(); // SIGTERM arrives before start() has returned the server
                    return PrimaryServer.start(configuration, Clock.systemUTC(), FakeLicensing.opener(core));
                });
        self.set(main);

        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> main.run(
                "--data-dir", dataDirectory.toString(), "--bind", "127.0.0.1", "--port", "0", "--admin-port", "0"));

        assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(core.get().closed).isTrue();
    }

    @Test
    void help_names_the_one_shot_repair_flags_and_exit_code_3() {
        run("--help");

        assertThat(out.toString()).contains("--initialize-empty-store", "--new-tls-key", "Command line only",
                "3 an existing installation lacks its store");
    }

    @Test
    void an_existing_installation_without_its_store_exits_3_with_one_line_naming_the_file() throws IOException {
        PrimaryServer.start(dev.primary.server.config.ServerConfiguration.onFreeLoopbackPorts(dataDirectory),
                Clock.systemUTC()).close();
        Files.delete(dataDirectory.resolve("primary.db"));
        ServerMain main = new ServerMain(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(),
                (configuration, options) -> PrimaryServer.start(configuration, Clock.systemUTC(), options));

        int code = main.run("--data-dir", dataDirectory.toString(), "--bind", "127.0.0.1", "--port", "0",
                "--admin-port", "0");

        assertThat(code).isEqualTo(3);
        assertThat(err.toString().strip()).startsWith("primary-server: " + dataDirectory.resolve("primary.db")
                + " is missing").contains("--initialize-empty-store").doesNotContain("\n");
        assertThat(dataDirectory.resolve("primary.db")).doesNotExist();
    }

    @Test
    void the_repair_flags_reach_the_start_and_are_not_settings() {
        AtomicReference<dev.primary.server.StartupOptions> given = new AtomicReference<>();
        ServerMain main = new ServerMain(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(),
                (configuration, options) -> {
                    given.set(options);
                    throw new IllegalStateException("stop here");
                });

        main.run("--data-dir", dataDirectory.toString(), "--initialize-empty-store", "--new-tls-key");

        assertThat(given.get().initializeEmptyStore()).isTrue();
        assertThat(given.get().newTlsKey()).isTrue();
        assertThat(given.get().auditActor()).isEqualTo("operator:" + System.getProperty("user.name"));
        assertThat(Setting.byKey("initialize-empty-store")).isEmpty();
    }

    @Test
    void a_new_tls_key_with_an_operator_certificate_is_a_usage_error() throws IOException {
        Path certificate = Files.writeString(dataDirectory.resolve("operator.crt"), "x");
        Path key = Files.writeString(dataDirectory.resolve("operator.key"), "x");

        int code = run("--data-dir", dataDirectory.toString(), "--tls-cert", certificate.toString(), "--tls-key",
                key.toString(), "--new-tls-key");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--new-tls-key replaces the self-made TLS key");
    }
}
