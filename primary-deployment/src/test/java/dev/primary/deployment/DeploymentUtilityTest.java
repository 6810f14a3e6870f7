package dev.primary.deployment;

import dev.primary.testkit.ThrowawayCertificate;
import dev.primary.testkit.LoopbackHttpServer;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.primary.client.config.ClientConfiguration;
import dev.primary.client.home.ClientHome;
import dev.primary.client.home.StrictModes;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.EnrollmentCheck;
import dev.primary.protocol.message.EnrollmentCheckAnswer;
import dev.primary.protocol.message.Hello;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.Version;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentUtilityTest {
    @Test
    void version_prints_the_builds_version() {
        UtilityRun run = UtilityRun.of(java.util.Map.of(), "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("deployment-utility " + System.getProperty("primary.expected.version"));
    }

    private static final Map<String, String> PRIMARY_HOME = Map.of("PRIMARY_HOME", "/opt/primary");

    @TempDir
    Path temp;

    private static final String TOKEN = "k7q2m4xa." + "Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXhxdXU";
    private static final String SECRET = TOKEN.substring(TOKEN.indexOf('.') + 1);
    private static final Instant EXPIRY = Instant.parse("2026-12-31T00:00:00Z");

    private final PublicKey serverKey = Ed25519.generate().publicKey();
    private final PublicKey releaseKey = Ed25519.generate().publicKey();
    private final List<AutoCloseable> servers = new ArrayList<>();
    /** What the test server answers to a token check: 200 with the answer, or a problem. */
    private final Map<String, Object> tokenAnswers = new ConcurrentHashMap<>(Map.of(TOKEN,
            new EnrollmentCheckAnswer("k7q2m4xa", "lab PCs", "lab", 3, EXPIRY)));
    private final List<String> tokensChecked = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopServers() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    @Test
    void nothing_answering_at_the_port_exits_3_and_writes_nothing() throws IOException {
        Path out = temp.resolve("client");

        UtilityRun run = deploy(closedPort(), out);

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("deployment-utility: nothing answers at 127.0.0.1:").contains("connection refused");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void a_plain_http_server_is_not_a_primary_server_and_nothing_is_written() {
        LoopbackHttpServer plain = started(LoopbackHttpServer.plain(
                exchange -> LoopbackHttpServer.answer(exchange, 200, "text/html", "<html>intranet</html>")));
        Path out = temp.resolve("client");

        UtilityRun run = deploy(plain.port(), out, "--timeout", "1s");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("127.0.0.1:" + plain.port() + " accepted a connection but no TLS handshake")
                .contains("not a Primary Server");
        assertThat(out).doesNotExist();
    }

    @Test
    void an_https_server_that_answers_something_else_is_not_a_primary_server() {
        LoopbackHttpServer other = started(LoopbackHttpServer.https(
                exchange -> LoopbackHttpServer.answer(exchange, 404, "text/plain", "no such page")));
        Path out = temp.resolve("client");

        UtilityRun run = deploy(other.port(), out);

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("not a Primary Server").contains("HTTP 404");
        assertThat(out).doesNotExist();
    }

    @Test
    void an_https_server_with_a_foreign_json_hello_is_not_a_primary_server() {
        LoopbackHttpServer other = started(LoopbackHttpServer.https(
                exchange -> LoopbackHttpServer.answer(exchange, 200, "application/json", "{\"status\":\"UP\"}")));

        UtilityRun run = deploy(other.port(), temp.resolve("client"));

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("not a Primary Server");
        assertThat(temp.resolve("client")).doesNotExist();
    }

    @Test
    void a_live_primary_server_gets_its_keys_pinned_in_client_json() throws IOException {
        LoopbackHttpServer server = helloServer();
        Path out = temp.resolve("clients").resolve("pc1");

        UtilityRun run = deploy(server.port(), out, "--computer-name", "PC1", "--domain", "CORP",
                "--verify-interval", "2h");

        assertThat(run.exitCode()).as(run.err()).isZero();
        ClientConfiguration written = Json.read(Files.readAllBytes(out.resolve("client.json")), ClientConfiguration.class);
        assertThat(written.server()).isEqualTo(new ClientConfiguration.Server("127.0.0.1", server.port(),
                server.pin().value(), serverKey.encoded(), "server-1", List.of(releaseKey.encoded())));
        assertThat(written.dataVault()).isEqualTo(new ClientConfiguration.DataVault("127.0.0.1", 16769));
        assertThat(written.computer()).isEqualTo(new ClientConfiguration.Computer("PC1", "CORP", false, ""));
        assertThat(written.recorder()).isEqualTo(new ClientConfiguration.Recorder(
                List.of("/opt/primary/bin/sample-recorder", "--log", out.resolve("recorder.log").toString()),
                new Version(1, 0, 1)));
        assertThat(written.intervals()).isEqualTo(new ClientConfiguration.Intervals("60s", "2h", "1h", "24h"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rwx------");
        assertThat(run.out()).contains("Server id:      server-1").contains("TLS pin:        " + server.pin().value())
                .contains("Server key id:  " + serverKey.keyId()).contains("Release keys:   " + releaseKey.keyId())
                .contains("Wrote:          " + out.resolve("client.json"))
                .contains("bin/client-service run --home " + out);
    }

    @Test
    void a_server_presenting_another_key_than_expected_is_refused() {
        LoopbackHttpServer server = helloServer();
        String otherPin = ThrowawayCertificate.create().pin().value();
        Path out = temp.resolve("client");

        UtilityRun run = deploy(server.port(), out, "--expect-pin", otherPin);

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("presented TLS key " + server.pin().value()).contains("not the expected " + otherPin);
        assertThat(out).doesNotExist();
    }

    @Test
    void the_expected_pin_when_it_matches_is_accepted() {
        LoopbackHttpServer server = helloServer();

        UtilityRun run = deploy(server.port(), temp.resolve("client"), "--expect-pin", server.pin().value());

        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void a_directory_that_already_holds_a_client_is_refused_without_force() throws IOException {
        LoopbackHttpServer server = helloServer();
        Path out = temp.resolve("client");
        Files.createDirectories(out);
        Files.writeString(out.resolve("client.json"), "{}");

        UtilityRun refused = deploy(server.port(), out);

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("already exists").contains("--force");
        assertThat(Files.readString(out.resolve("client.json"))).isEqualTo("{}");

        UtilityRun forced = deploy(server.port(), out, "--force");

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Json.read(Files.readAllBytes(out.resolve("client.json")), ClientConfiguration.class).server().serverId())
                .isEqualTo("server-1");
    }

    @Test
    void a_silent_data_vault_is_a_warning_not_an_error() throws IOException {
        LoopbackHttpServer server = helloServer();
        int vaultPort = closedPort();
        Path out = temp.resolve("client");

        UtilityRun run = deploy(server.port(), out, "--data-vault", "127.0.0.1:" + vaultPort);

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("deployment-utility: warning: nothing listens at the Data Vault 127.0.0.1:" + vaultPort);
        assertThat(Json.read(Files.readAllBytes(out.resolve("client.json")), ClientConfiguration.class).dataVault())
                .isEqualTo(new ClientConfiguration.DataVault("127.0.0.1", vaultPort));
    }

    @Test
    void a_listening_data_vault_gives_no_warning() throws IOException {
        LoopbackHttpServer server = helloServer();
        try (ServerSocket vault = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            UtilityRun run = deploy(server.port(), temp.resolve("client"), "--data-vault", "127.0.0.1:" + vault.getLocalPort(),
                    "--enrollment-token", TOKEN);

            assertThat(run.exitCode()).isZero();
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void check_only_probes_and_prints_but_writes_nothing() {
        LoopbackHttpServer server = helloServer();
        Path out = temp.resolve("client");

        UtilityRun run = deploy(server.port(), out, "--check-only");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("TLS pin:        " + server.pin().value()).contains("nothing was written");
        assertThat(out).doesNotExist();
    }

    @Test
    void the_recorder_command_is_split_on_whitespace_and_recorder_args_are_kept_whole() throws IOException {
        LoopbackHttpServer server = helloServer();
        Path out = temp.resolve("client");

        UtilityRun run = UtilityRun.of(Map.of(), "--server", "127.0.0.1", "--port", "" + server.port(), "--out", out.toString(),
                "--recorder-command", "/usr/bin/recorder  --quiet -v", "--recorder-arg", "C:\\Program Files\\data",
                "--recorder-version", "V 2.1 (0042)", "--per-user");

        assertThat(run.exitCode()).as(run.err()).isZero();
        ClientConfiguration written = Json.read(Files.readAllBytes(out.resolve("client.json")), ClientConfiguration.class);
        assertThat(written.recorder().command()).containsExactly("/usr/bin/recorder", "--quiet", "-v", "C:\\Program Files\\data");
        assertThat(written.recorder().version()).isEqualTo(new Version(2, 1, 42));
        assertThat(written.computer().perUser()).isTrue();
    }

    @Test
    void without_primary_home_the_recorder_command_must_be_given() throws IOException {
        UtilityRun run = UtilityRun.of(Map.of(), "--server", "127.0.0.1", "--port", "" + closedPort(),
                "--out", temp.resolve("client").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("give --recorder-command").contains("PRIMARY_HOME is not set");
    }

    @Test
    void invalid_options_are_usage_errors_before_any_contact() throws IOException {
        int port = closedPort();
        List<UtilityRun> runs = List.of(
                deploy(port, temp.resolve("a"), "--retry-interval", "1 minute"),
                deploy(port, temp.resolve("a"), "--retry-interval", "2h"),
                deploy(port, temp.resolve("a"), "--expect-pin", "abc"),
                deploy(port, temp.resolve("a"), "--computer-name", "bad name!"),
                deploy(port, temp.resolve("a"), "--data-vault", "vault:port"),
                deploy(port, temp.resolve("a"), "--recorder-version", "one"),
                UtilityRun.of(PRIMARY_HOME, "--server", "127.0.0.1"),
                UtilityRun.of(PRIMARY_HOME, "--out", temp.resolve("a").toString()));

        for (UtilityRun run : runs) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.err()).startsWith("deployment-utility: ").doesNotContain("nothing answers");
        }
        assertThat(runs.get(1).err()).contains("--max-backoff (1h) cannot be shorter than --retry-interval (2h)");
        assertThat(temp.resolve("a")).doesNotExist();
    }

    @Test
    void every_release_key_the_server_trusts_is_pinned_with_the_update_defaults() throws IOException {
        PublicKey secondKey = Ed25519.generate().publicKey();
        LoopbackHttpServer server = helloServer(List.of(releaseKey.encoded(), secondKey.encoded()));
        Path out = temp.resolve("client");

        UtilityRun run = deploy(server.port(), out);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("release key");
        ClientConfiguration written = Json.read(Files.readAllBytes(out.resolve("client.json")), ClientConfiguration.class);
        assertThat(written.server().releaseKeys()).containsExactly(releaseKey.encoded(), secondKey.encoded());
        assertThat(written.updates()).isEqualTo(new ClientConfiguration.Updates(2468, "30s"));
        assertThat(written.recorder().packageCommand()).containsExactly("{package}");
        assertThat(run.out()).contains("Release keys:   " + releaseKey.keyId() + ", " + secondKey.keyId())
                .contains("Updates:        nudge port 2468, health period 30s")
                .contains("From a package: {package}");
    }

    @Test
    void a_server_that_trusts_no_release_key_yet_is_a_warning_and_the_client_pins_none() throws IOException {
        LoopbackHttpServer server = helloServer(List.of());
        Path out = temp.resolve("client");

        UtilityRun run = deploy(server.port(), out);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("deployment-utility: warning: the server trusts no release key yet")
                .contains("trusted-release-keys");
        assertThat(Json.read(Files.readAllBytes(out.resolve("client.json")), ClientConfiguration.class).server()
                .releaseKeys()).isEmpty();
        assertThat(run.out()).contains("Release keys:   none (this client will install no update)");
    }

    @Test
    void a_release_key_that_is_not_a_key_fails_the_server_check() {
        LoopbackHttpServer server = helloServer(List.of("not-a-key"));
        Path out = temp.resolve("client");

        UtilityRun run = deploy(server.port(), out);

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("announces a release key that is not an Ed25519 public key");
        assertThat(out).doesNotExist();
    }

    @Test
    void nudge_port_health_period_and_package_command_go_into_client_json() throws IOException {
        LoopbackHttpServer server = helloServer();
        Path out = temp.resolve("client");

        UtilityRun run = deploy(server.port(), out, "--nudge-port", "0", "--health-period", "2m",
                "--recorder-package-command", "/usr/bin/java -jar {package}", "--recorder-package-arg", "--log {home}/r.log");

        assertThat(run.exitCode()).as(run.err()).isZero();
        ClientConfiguration written = Json.read(Files.readAllBytes(out.resolve("client.json")), ClientConfiguration.class);
        assertThat(written.updates()).isEqualTo(new ClientConfiguration.Updates(0, "2m"));
        assertThat(written.recorder().packageCommand())
                .containsExactly("/usr/bin/java", "-jar", "{package}", "--log {home}/r.log");
        assertThat(run.out()).contains("Updates:        no nudge port, health period 2m");
    }

    @Test
    void a_package_argument_alone_follows_the_package_itself() throws IOException {
        LoopbackHttpServer server = helloServer();
        Path out = temp.resolve("client");

        UtilityRun run = deploy(server.port(), out, "--recorder-package-arg", "--quiet");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Json.read(Files.readAllBytes(out.resolve("client.json")), ClientConfiguration.class).recorder()
                .packageCommand()).containsExactly("{package}", "--quiet");
    }

    @Test
    void invalid_update_options_are_usage_errors() throws IOException {
        int port = closedPort();
        UtilityRun badPort = deploy(port, temp.resolve("a"), "--nudge-port", "70000");
        UtilityRun badPeriod = deploy(port, temp.resolve("a"), "--health-period", "0s");

        assertThat(badPort.exitCode()).isEqualTo(2);
        assertThat(badPort.err()).contains("--nudge-port must be 0 (none) or 1-65535, got 70000");
        assertThat(badPeriod.exitCode()).isEqualTo(2);
        assertThat(badPeriod.err()).contains("--health-period must be longer than zero");
        assertThat(temp.resolve("a")).doesNotExist();
    }

    @Test
    void help_documents_the_exit_codes() {
        UtilityRun help = UtilityRun.of(Map.of(), "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--server=HOST").contains("--expect-pin=PIN").contains("--nudge-port=N")
                .contains("--health-period=DURATION").contains("--recorder-package-command")
                .contains("--enrollment-token=TOKEN").contains("--enrollment-token-file=FILE")
                .contains("--nudge-bind-address=ADDRESS").contains("3  check failed")
                .contains("refuses", "the enrollment token");
    }

    @Test
    void a_confirmed_token_is_written_and_the_summary_shows_its_id_label_group_uses_and_expiry_never_its_secret()
            throws IOException {
        LoopbackHttpServer server = helloServer();
        Path out = temp.resolve("client");

        UtilityRun run = deploy(server.port(), out, "--enrollment-token", TOKEN);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(written(out).enrollmentToken()).isEqualTo(TOKEN);
        assertThat(tokensChecked).containsExactly(TOKEN);
        assertThat(run.out()).contains("Enrollment:     token k7q2m4xa \"lab PCs\", group lab, 3 uses left, expires "
                + "2026-12-31T00:00:00Z").doesNotContain(SECRET);
        assertThat(run.err()).doesNotContain(SECRET).doesNotContain("enrollment");
    }

    @Test
    void refused_token_writes_nothing() {
        LoopbackHttpServer server = helloServer();
        for (ProblemType type : List.of(ProblemType.ENROLLMENT_TOKEN_EXPIRED, ProblemType.ENROLLMENT_TOKEN_USED_UP,
                ProblemType.ENROLLMENT_TOKEN_REVOKED)) {
            tokenAnswers.put(TOKEN, Problem.of(type, "enrollment token k7q2m4xa is " + type.title().toLowerCase()));
            Path out = temp.resolve("client-" + type.name());

            UtilityRun run = deploy(server.port(), out, "--enrollment-token", TOKEN);

            assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
            assertThat(run.err().lines()).singleElement().asString()
                    .isEqualTo("deployment-utility: 127.0.0.1:" + server.port() + " refuses enrollment token k7q2m4xa: "
                            + "enrollment token k7q2m4xa is " + type.title().toLowerCase() + " ("
                            + type.uri().replace("urn:primary:problem:", "") + ")");
            assertThat(out).doesNotExist();
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void a_token_the_server_never_issued_writes_nothing() {
        LoopbackHttpServer server = helloServer();
        Path out = temp.resolve("client");

        UtilityRun run = deploy(server.port(), out, "--enrollment-token", "zzzzzzzz." + "W".repeat(43));

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("refuses enrollment token zzzzzzzz: no enrollment token zzzzzzzz was issued by "
                + "this server (enrollment-token-invalid)").doesNotContain("WWWW");
        assertThat(out).doesNotExist();
    }

    @Test
    void a_server_that_cannot_check_tokens_fails_the_check_and_writes_nothing() {
        ThrowawayCertificate certificate = ThrowawayCertificate.create();
        byte[] hello = Json.write(new Hello(Hello.PRODUCT, Hello.PROTOCOL_VERSION, "server-1", "0.1.0", Instant.now(),
                serverKey.encoded(), certificate.pin().value(), List.of(releaseKey.encoded())));
        LoopbackHttpServer older = started(LoopbackHttpServer.https(certificate, exchange -> {
            if (exchange.getRequestURI().getPath().equals("/v1/hello")) {
                LoopbackHttpServer.answer(exchange, 200, "application/json", new String(hello, StandardCharsets.UTF_8));
            } else {
                LoopbackHttpServer.answer(exchange, 404, Problem.MEDIA_TYPE, new String(Json.write(
                        Problem.of(ProblemType.NOT_FOUND, "no such path")), StandardCharsets.UTF_8));
            }
        }));
        Path out = temp.resolve("client");

        UtilityRun run = deploy(older.port(), out, "--enrollment-token", TOKEN);

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("cannot check enrollment tokens (HTTP 404 on /v1/enrollment/check)");
        assertThat(out).doesNotExist();
    }

    @Test
    void a_server_that_fails_its_check_never_sees_the_token() {
        LoopbackHttpServer server = helloServer();
        Path out = temp.resolve("client");

        UtilityRun run = deploy(server.port(), out, "--enrollment-token", TOKEN, "--expect-pin",
                ThrowawayCertificate.create().pin().value());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(tokensChecked).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void the_token_can_come_from_a_file_so_that_it_stays_out_of_shell_history() throws IOException {
        LoopbackHttpServer server = helloServer();
        Path tokenFile = Files.writeString(temp.resolve("token.txt"), TOKEN + "\n");
        Path out = temp.resolve("client");

        UtilityRun run = deploy(server.port(), out, "--enrollment-token-file", tokenFile.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(written(out).enrollmentToken()).isEqualTo(TOKEN);
    }

    @Test
    void token_options_that_cannot_be_used_are_usage_errors_before_any_contact() throws IOException {
        LoopbackHttpServer server = helloServer();
        Path tokenFile = Files.writeString(temp.resolve("token.txt"), TOKEN);
        List<UtilityRun> runs = List.of(
                deploy(server.port(), temp.resolve("a"), "--enrollment-token", TOKEN, "--enrollment-token-file",
                        tokenFile.toString()),
                deploy(server.port(), temp.resolve("a"), "--enrollment-token", "not-a-token"),
                deploy(server.port(), temp.resolve("a"), "--enrollment-token-file", temp.resolve("missing").toString()));

        for (UtilityRun run : runs) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err().lines()).singleElement().asString().startsWith("deployment-utility: ");
        }
        assertThat(runs.get(0).err()).contains("give --enrollment-token or --enrollment-token-file, not both");
        assertThat(runs.get(1).err()).contains("--enrollment-token: not an enrollment token");
        assertThat(runs.get(2).err()).contains("--enrollment-token-file: cannot read");
        assertThat(tokensChecked).isEmpty();
        assertThat(temp.resolve("a")).doesNotExist();
    }

    @Test
    void without_a_token_the_client_is_written_with_a_warning_that_the_server_must_enroll_openly() throws IOException {
        LoopbackHttpServer server = helloServer();
        Path out = temp.resolve("client");

        UtilityRun run = deploy(server.port(), out);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err().lines().filter(line -> line.contains("enrollment"))).singleElement().asString()
                .startsWith("deployment-utility: warning: no --enrollment-token: the server will refuse this client's "
                        + "registration unless it enrolls openly");
        assertThat(written(out).enrollmentToken()).isEmpty();
        assertThat(run.out()).contains("Enrollment:     no token (the server must enroll openly)");
    }

    @Test
    void check_only_checks_the_token_and_writes_nothing() {
        LoopbackHttpServer server = helloServer();
        Path out = temp.resolve("client");

        UtilityRun run = deploy(server.port(), out, "--check-only", "--enrollment-token", TOKEN);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(tokensChecked).containsExactly(TOKEN);
        assertThat(run.out()).contains("Enrollment:     token k7q2m4xa").contains("nothing was written");
        assertThat(out).doesNotExist();
    }

    @Test
    void the_home_is_written_owner_only_and_passes_the_client_services_strict_modes() throws IOException {
        LoopbackHttpServer server = helloServer();
        Path out = temp.resolve("clients").resolve("pc1");

        UtilityRun run = deploy(server.port(), out, "--enrollment-token", TOKEN);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("client.json"))))
                .isEqualTo("rw-------");
        StrictModes.forThisProcess().check(new ClientHome(out));
    }

    @Test
    void an_existing_directory_others_may_change_is_refused_before_anything_is_written() throws IOException {
        LoopbackHttpServer server = helloServer();
        Path out = Files.createDirectory(temp.resolve("open"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxr-x"));

        UtilityRun run = deploy(server.port(), out, "--enrollment-token", TOKEN);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString().isEqualTo("deployment-utility: " + out.toRealPath()
                + " is writable by group, so users of this computer could replace what the Client Service trusts; fix "
                + "with: chmod go-w " + out.toRealPath() + " (the Client Service would refuse to start on this home)");
        assertThat(out.resolve("client.json")).doesNotExist();
        assertThat(tokensChecked).isEmpty();
    }

    @Test
    void the_nudge_bind_address_goes_into_client_json() throws IOException {
        LoopbackHttpServer server = helloServer();
        Path out = temp.resolve("client");

        UtilityRun run = deploy(server.port(), out, "--nudge-bind-address", "10.1.2.3");
        UtilityRun badAddress = deploy(server.port(), temp.resolve("other"), "--nudge-bind-address", "my-laptop");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(written(out).updates().nudgeBindAddress()).isEqualTo("10.1.2.3");
        assertThat(run.out()).contains("Updates:        nudge port 2468 on 10.1.2.3, health period 30s");
        assertThat(badAddress.exitCode()).isEqualTo(2);
        assertThat(badAddress.err()).contains("--nudge-bind-address must be an IP address of the client's computer, got "
                + "\"my-laptop\"");
    }

    @Test
    void several_servers_of_one_installation_are_all_checked_and_written_in_order() throws IOException {
        ThrowawayCertificate certificate = ThrowawayCertificate.create();
        LoopbackHttpServer first = helloServer(certificate, "server-1");
        LoopbackHttpServer second = helloServer(certificate, "server-1");
        Path out = temp.resolve("client");

        UtilityRun run = deployTo(out, "127.0.0.1:" + first.port() + ",127.0.0.1:" + second.port());

        assertThat(run.exitCode()).as(run.err()).isZero();
        ClientConfiguration.Server server = written(out).server();
        assertThat(server.addressText()).isEqualTo("127.0.0.1:" + first.port() + ", 127.0.0.1:" + second.port());
        assertThat(server.tlsPin()).isEqualTo(certificate.pin().value());
        assertThat(run.out()).contains("Servers:        127.0.0.1:" + first.port() + ", 127.0.0.1:" + second.port()
                + " (tried in this order)");
    }

    @Test
    void one_server_of_several_where_nothing_answers_is_a_warning_naming_it_and_stays_in_the_list() throws IOException {
        int dead = closedPort();
        LoopbackHttpServer live = helloServer();
        Path out = temp.resolve("client");

        UtilityRun run = deployTo(out, "127.0.0.1:" + dead, "127.0.0.1:" + live.port());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("deployment-utility: warning: server 1 of 2: nothing answers at 127.0.0.1:" + dead
                + " (connection refused)").contains("it stays in the list");
        assertThat(written(out).server().addressText()).isEqualTo("127.0.0.1:" + dead + ", 127.0.0.1:" + live.port());
    }

    @Test
    void a_server_of_another_installation_in_the_list_fails_the_check_naming_it_and_nothing_is_written() {
        ThrowawayCertificate certificate = ThrowawayCertificate.create();
        LoopbackHttpServer ours = helloServer(certificate, "server-1");
        LoopbackHttpServer sameKeyOtherId = helloServer(certificate, "server-2");
        LoopbackHttpServer otherTlsKey = helloServer();
        Path out = temp.resolve("client");

        UtilityRun wrongId = deployTo(out, "127.0.0.1:" + ours.port(), "127.0.0.1:" + sameKeyOtherId.port());
        UtilityRun wrongKey = deployTo(out, "127.0.0.1:" + ours.port(), "127.0.0.1:" + otherTlsKey.port());

        assertThat(wrongId.exitCode()).isEqualTo(3);
        assertThat(wrongId.err().strip()).isEqualTo("deployment-utility: server 2 of 2: 127.0.0.1:" + sameKeyOtherId.port()
                + " is not the same Primary Server installation as 127.0.0.1:" + ours.port() + " (installation id "
                + "server-2, not server-1): every server in the list must share one identity");
        assertThat(wrongKey.exitCode()).isEqualTo(3);
        assertThat(wrongKey.err()).contains("server 2 of 2: 127.0.0.1:" + otherTlsKey.port() + " is not the same")
                .contains("(TLS key " + otherTlsKey.pin().value() + ", not " + certificate.pin().value() + ")");
        assertThat(out).doesNotExist();
    }

    @Test
    void something_else_than_a_primary_server_in_the_list_fails_the_check_naming_which() throws IOException {
        LoopbackHttpServer live = helloServer();
        LoopbackHttpServer other = started(LoopbackHttpServer.https(
                exchange -> LoopbackHttpServer.answer(exchange, 404, "text/plain", "no such page")));
        Path out = temp.resolve("client");

        UtilityRun run = deployTo(out, "127.0.0.1:" + live.port(), "127.0.0.1:" + closedPort(),
                "127.0.0.1:" + other.port());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("deployment-utility: server 3 of 3: 127.0.0.1:" + other.port()
                + " answers HTTPS but is not a Primary Server");
        assertThat(out).doesNotExist();
    }

    @Test
    void a_list_where_nothing_answers_at_all_fails_the_check() throws IOException {
        Path out = temp.resolve("client");

        UtilityRun run = deployTo(out, "127.0.0.1:" + closedPort(), "127.0.0.1:" + closedPort());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("deployment-utility: no server in the list answers: nothing answers at");
        assertThat(out).doesNotExist();
    }

    @Test
    void a_repeated_or_malformed_server_and_too_long_a_list_are_usage_errors() {
        Path out = temp.resolve("client");
        List<String> nine = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            nine.add("10.0.0." + i);
        }

        assertThat(deployTo(out, "a.corp", "a.corp:16770").err()).contains("--server: a.corp:16770 is given twice");
        assertThat(deployTo(out, "a.corp:web").exitCode()).isEqualTo(2);
        UtilityRun tooMany = deployTo(out, String.join(",", nine));
        assertThat(tooMany.exitCode()).isEqualTo(2);
        assertThat(tooMany.err()).contains("--server: at most 8 servers, got 9");
    }

    private UtilityRun deployTo(Path out, String... servers) {
        List<String> args = new ArrayList<>();
        for (String server : servers) {
            args.addAll(List.of("--server", server));
        }
        args.addAll(List.of("--out", out.toString()));
        return UtilityRun.of(PRIMARY_HOME, args.toArray(String[]::new));
    }

    private LoopbackHttpServer helloServer(ThrowawayCertificate certificate, String serverId) {
        Hello hello = new Hello(Hello.PRODUCT, Hello.PROTOCOL_VERSION, serverId, "0.1.0", Instant.now(),
                serverKey.encoded(), certificate.pin().value(), List.of(releaseKey.encoded()));
        byte[] body = Json.write(hello);
        return started(LoopbackHttpServer.https(certificate, exchange -> answerHello(exchange, body)));
    }

    private static ClientConfiguration written(Path out) throws IOException {
        return Json.read(Files.readAllBytes(out.resolve("client.json")), ClientConfiguration.class);
    }

    private UtilityRun deploy(int port, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server", "127.0.0.1", "--port", String.valueOf(port),
                "--out", out.toString()));
        args.addAll(List.of(extra));
        return UtilityRun.of(PRIMARY_HOME, args.toArray(String[]::new));
    }

    private LoopbackHttpServer helloServer() {
        return helloServer(List.of(releaseKey.encoded()));
    }

    private LoopbackHttpServer helloServer(List<String> releaseKeys) {
        ThrowawayCertificate certificate = ThrowawayCertificate.create();
        Hello hello = new Hello(Hello.PRODUCT, Hello.PROTOCOL_VERSION, "server-1", "0.1.0", Instant.now(),
                serverKey.encoded(), certificate.pin().value(), releaseKeys);
        byte[] body = Json.write(hello);
        return started(LoopbackHttpServer.https(certificate, exchange -> answerHello(exchange, body)));
    }

    private void answerHello(HttpExchange exchange, byte[] body) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equals("GET") && path.equals("/v1/hello")) {
            LoopbackHttpServer.answer(exchange, 200, "application/json", new String(body, StandardCharsets.UTF_8));
        } else if (exchange.getRequestMethod().equals("POST") && path.equals("/v1/enrollment/check")) {
            String token;
            try (var in = exchange.getRequestBody()) {
                token = Json.read(in.readAllBytes(), EnrollmentCheck.class).enrollmentToken();
            }
            tokensChecked.add(token);
            Object answer = tokenAnswers.getOrDefault(token, Problem.of(ProblemType.ENROLLMENT_TOKEN_INVALID,
                    "no enrollment token " + token.substring(0, token.indexOf('.')) + " was issued by this server"));
            if (answer instanceof Problem problem) {
                LoopbackHttpServer.answer(exchange, problem.status(), Problem.MEDIA_TYPE,
                        new String(Json.write(problem), StandardCharsets.UTF_8));
            } else {
                LoopbackHttpServer.answer(exchange, 200, "application/json",
                        new String(Json.write(answer), StandardCharsets.UTF_8));
            }
        } else {
            LoopbackHttpServer.answer(exchange, 404, "application/problem+json", "{}");
        }
    }

    private LoopbackHttpServer started(LoopbackHttpServer server) {
        servers.add(server);
        return server;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
