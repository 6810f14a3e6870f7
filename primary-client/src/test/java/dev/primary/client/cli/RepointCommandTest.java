package dev.primary.client.cli;

import dev.primary.testkit.ThrowawayCertificate;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.primary.client.config.ClientConfiguration;
import dev.primary.client.config.ClientConfigurationFile;
import dev.primary.client.testing.FakePrimaryServer;
import dev.primary.client.service.EnrollmentToken;
import dev.primary.client.testing.TestInstall;
import dev.primary.protocol.message.EnrollmentCheckAnswer;
import dev.primary.protocol.message.ProblemType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepointCommandTest {
    private static final ClientConfiguration.Server OLD_SERVER = new ClientConfiguration.Server("old.corp", 16770,
            "sha256/" + "A".repeat(43), "B".repeat(43), "old-server");

    @TempDir
    Path home;

    private final FakePrimaryServer newServer = FakePrimaryServer.start();
    private ClientConfiguration installed;

    @BeforeEach
    void install() throws Exception {
        installed = TestInstall.configuration(OLD_SERVER, List.of("recorder", "--flag"),
                new ClientConfiguration.Updates(2470, "45s"));
        ClientConfigurationFile.in(home).write(installed);
        Files.writeString(home.resolve("client.key"), "secret-key-stays\n");
        Files.writeString(home.resolve("lease.json"), "{\"signed by\":\"the old server\"}");
    }

    @AfterEach
    void stop() {
        newServer.close();
    }

    @Test
    void repoint_to_a_live_primary_server_rewrites_the_server_pins_its_release_keys_and_moves_the_old_lease_aside()
            throws Exception {
        CliRun run = CliRun.of("repoint", "--home", home.toString(), "--server", "127.0.0.1",
                "--port", Integer.toString(newServer.port()), "--expect-pin", newServer.pin().value());

        assertThat(run.exitCode()).as(run.err()).isZero();
        ClientConfiguration after = ClientConfigurationFile.in(home).read();
        assertThat(after.server()).isEqualTo(newServer.configServer());
        assertThat(after.dataVault()).isEqualTo(installed.dataVault());
        assertThat(after.computer()).isEqualTo(installed.computer());
        assertThat(after.recorder()).isEqualTo(installed.recorder());
        assertThat(after.intervals()).isEqualTo(installed.intervals());
        assertThat(after.updates()).isEqualTo(installed.updates());
        assertThat(after.server().releaseKeys()).containsExactly(newServer.releases().publicKey().encoded());
        assertThat(Files.readString(home.resolve("client.key"))).isEqualTo("secret-key-stays\n");
        assertThat(home.resolve("lease.json")).doesNotExist();
        assertThat(Files.readString(home.resolve("lease.json.previous-server"), StandardCharsets.UTF_8))
                .contains("the old server");
        assertThat(run.out()).contains("client.json now points to the Primary Server at 127.0.0.1:" + newServer.port(),
                "server:       old.corp:16770 -> 127.0.0.1:" + newServer.port(),
                "server id:    old-server -> " + newServer.keys().serverId(),
                "TLS pin:      " + OLD_SERVER.tlsPin() + " -> " + newServer.pin(),
                "release keys: none -> " + newServer.releases().publicKey().keyId(),
                "lease:        moved aside to " + home.resolve("lease.json.previous-server"));
    }

    @Test
    void repoint_refuses_a_port_where_something_else_answers_and_leaves_the_client_alone() throws Exception {
        HttpsServer other = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.setHttpsConfigurator(new HttpsConfigurator(ThrowawayCertificate.create().sslContext()));
        other.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        other.start();
        try {
            CliRun run = CliRun.of("repoint", "--home", home.toString(), "--server", "127.0.0.1",
                    "--port", Integer.toString(other.getAddress().getPort()));

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().strip().lines()).singleElement().asString()
                    .contains("is not a Primary Server").endsWith("client.json is unchanged");
        } finally {
            other.stop(0);
        }
        assertUnchanged();
    }

    @Test
    void repoint_refuses_a_port_where_nothing_answers() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        CliRun run = CliRun.of("repoint", "--home", home.toString(), "--server", "127.0.0.1",
                "--port", Integer.toString(closedPort));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("nothing answers at 127.0.0.1:" + closedPort);
        assertUnchanged();
    }

    @Test
    void repoint_refuses_a_server_without_the_expected_pin() throws Exception {
        CliRun run = CliRun.of("repoint", "--home", home.toString(), "--server", "127.0.0.1",
                "--port", Integer.toString(newServer.port()), "--expect-pin", ThrowawayCertificate.create().pin().value());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("not the expected");
        assertUnchanged();
    }

    @Test
    void repoint_with_a_token_the_new_server_confirms_writes_it_and_prints_its_id_only() throws Exception {
        String token = newServer.issueToken(new EnrollmentCheckAnswer("k7q2m4xa", "lab PCs", "lab", 2, null));

        CliRun run = CliRun.of("repoint", "--home", home.toString(), "--server", "127.0.0.1",
                "--port", Integer.toString(newServer.port()), "--enrollment-token", token);

        assertThat(run.exitCode()).as(run.err()).isZero();
        ClientConfiguration after = ClientConfigurationFile.in(home).read();
        assertThat(after.enrollmentToken()).isEqualTo(token);
        assertThat(after.server()).isEqualTo(newServer.configServer());
        assertThat(run.out()).contains("enrollment:   token k7q2m4xa \"lab PCs\", group lab, 2 uses left, never expires "
                + "(checked with the new server)").doesNotContain(secretOf(token));
        assertThat(Files.getPosixFilePermissions(home.resolve("client.json")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void repoint_reads_the_token_from_a_file() throws Exception {
        String token = newServer.issueToken(new EnrollmentCheckAnswer("p3r8w2zd", "", "", null, null));
        Path file = Files.writeString(home.resolve("token.txt"), token + "\n");

        CliRun run = CliRun.of("repoint", "--home", home.toString(), "--server", "127.0.0.1",
                "--port", Integer.toString(newServer.port()), "--enrollment-token-file", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ClientConfigurationFile.in(home).read().enrollmentToken()).isEqualTo(token);
    }

    @Test
    void repoint_with_a_refused_token_changes_nothing_and_says_why() throws Exception {
        String token = newServer.issueToken(new EnrollmentCheckAnswer("k7q2m4xa", "lab PCs", "", null, null));
        newServer.refuseToken(token, ProblemType.ENROLLMENT_TOKEN_REVOKED);

        CliRun run = CliRun.of("repoint", "--home", home.toString(), "--server", "127.0.0.1",
                "--port", Integer.toString(newServer.port()), "--enrollment-token", token);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip().lines()).singleElement().asString()
                .isEqualTo("client-service: 127.0.0.1:" + newServer.port() + " refuses enrollment token k7q2m4xa: "
                        + "enrollment token k7q2m4xa (lab PCs) is revoked (enrollment-token-revoked); client.json is "
                        + "unchanged");
        assertUnchanged();
    }

    @Test
    void repoint_without_a_token_keeps_the_configured_one() throws Exception {
        String token = "k7q2m4xa." + "S".repeat(43);
        ClientConfigurationFile.in(home).write(installed.withToken(EnrollmentToken.parse(token)));

        CliRun run = CliRun.of("repoint", "--home", home.toString(), "--server", "127.0.0.1",
                "--port", Integer.toString(newServer.port()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ClientConfigurationFile.in(home).read().enrollmentToken()).isEqualTo(token);
        assertThat(run.out()).contains("enrollment:   token k7q2m4xa kept (not checked with the new server)")
                .doesNotContain("SSSS");
        assertThat(newServer.received("/v1/enrollment/check")).isEmpty();
    }

    @Test
    void both_token_options_or_a_malformed_token_are_usage_errors_before_any_contact() throws Exception {
        Path file = Files.writeString(home.resolve("token.txt"), "k7q2m4xa." + "S".repeat(43));
        CliRun both = CliRun.of("repoint", "--home", home.toString(), "--server", "127.0.0.1",
                "--port", Integer.toString(newServer.port()), "--enrollment-token", "a.b", "--enrollment-token-file",
                file.toString());
        CliRun malformed = CliRun.of("repoint", "--home", home.toString(), "--server", "127.0.0.1",
                "--port", Integer.toString(newServer.port()), "--enrollment-token", "no-dot");

        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("give --enrollment-token or --enrollment-token-file, not both");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("--enrollment-token: not an enrollment token");
        assertThat(newServer.received()).isEmpty();
        assertUnchanged();
    }

    @Test
    void a_malformed_pin_is_a_usage_error() {
        CliRun run = CliRun.of("repoint", "--home", home.toString(), "--server", "127.0.0.1", "--expect-pin", "abc");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("TLS pin must look like sha256/");
    }

    private static String secretOf(String token) {
        return token.substring(token.indexOf('.') + 1);
    }

    @Test
    void repoint_to_a_list_keeps_a_server_where_nothing_answers_with_a_warning_and_writes_every_server_in_order()
            throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = socket.getLocalPort();
        }

        CliRun run = CliRun.of("repoint", "--home", home.toString(), "--server",
                "127.0.0.1:" + deadPort + ",127.0.0.1:" + newServer.port());

        assertThat(run.exitCode()).as(run.err()).isZero();
        ClientConfiguration after = ClientConfigurationFile.in(home).read();
        assertThat(after.server().addressText()).isEqualTo("127.0.0.1:" + deadPort + ", 127.0.0.1:" + newServer.port());
        assertThat(after.server().tlsPin()).isEqualTo(newServer.pin().value());
        assertThat(after.server().serverId()).isEqualTo(newServer.keys().serverId());
        assertThat(run.err()).contains("client-service: warning: server 1 of 2: nothing answers at 127.0.0.1:" + deadPort);
        assertThat(run.out()).contains("server:       old.corp:16770 -> 127.0.0.1:" + deadPort + ", 127.0.0.1:"
                + newServer.port());
    }

    @Test
    void repoint_to_a_list_refuses_a_server_of_another_installation_naming_it_and_changes_nothing() throws Exception {
        try (FakePrimaryServer foreign = FakePrimaryServer.start()) {
            CliRun run = CliRun.of("repoint", "--home", home.toString(), "--server",
                    "127.0.0.1:" + newServer.port(), "--server", "127.0.0.1:" + foreign.port());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("server 2 of 2: 127.0.0.1:" + foreign.port() + " is not the same Primary "
                    + "Server installation as 127.0.0.1:" + newServer.port() + " (installation id "
                    + foreign.keys().serverId() + ", not " + newServer.keys().serverId() + ")");
            assertUnchanged();
        }
    }

    private void assertUnchanged() throws Exception {
        assertThat(ClientConfigurationFile.in(home).read()).isEqualTo(installed);
        assertThat(home.resolve("lease.json")).exists();
    }
}
