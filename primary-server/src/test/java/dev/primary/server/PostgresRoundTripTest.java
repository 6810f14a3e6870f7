package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.LicenseSummary;
import dev.primary.protocol.admin.LicenseView;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.KeyFiles;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.Hello;
import dev.primary.protocol.message.LeasePayload;
import dev.primary.protocol.message.LicensePayload;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.UnlockPayload;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.protocol.message.Version;
import dev.primary.server.config.ServerConfiguration;
import java.util.Arrays;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import dev.primary.server.config.StoreChoice;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server on PostgreSQL (store=postgresql) over real HTTPS: a real PostgreSQL started by the test, the
 * licensing core on it, a client licensed with a signed register, and the seat still there after a restart.
 */
class PostgresRoundTripTest {
    private static EmbeddedPostgres database;

    @TempDir
    Path dataDirectory;

    private final SigningKey vendorKey = Ed25519.generate();
    private final SigningKey clientKey = Ed25519.generate();
    private long sequence = System.currentTimeMillis();

    @BeforeAll
    static void startPostgres() throws Exception {
        database = EmbeddedPostgres.builder().start();
        try (Connection connection = database.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE USER primary_server PASSWORD 'from-a-file'");
            statement.execute("CREATE DATABASE primary_fleet OWNER primary_server");
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        database.close();
    }

    private PrimaryServer start() {
        StoreChoice store = new StoreChoice.Postgresql(database.getJdbcUrl("primary_server", "primary_fleet")
                .replaceAll("[?&]user=[^&]*", ""), "primary_server", new StoreChoice.StorePassword("from-a-file"));
        return PrimaryServer.start(ServerConfiguration.onFreeLoopbackPorts(dataDirectory).toBuilder()
                .openEnrollment(true).store(store).build(), Clock.systemUTC());
    }

    private static <T> T read(HttpResponse<String> response, Class<T> type) {
        return Json.read(response.body().getBytes(StandardCharsets.UTF_8), type);
    }

    private HttpResponse<String> signedPost(PinnedHttps client, String path, Object message) throws Exception {
        byte[] body = Json.write(message);
        return client.post(path, "application/json", body,
                SignedRequests.headers(clientKey, "POST", path, ++sequence, body));
    }

    private String[] bearer() throws Exception {
        return new String[] {"Authorization", "Bearer " + Files.readString(dataDirectory.resolve("admin-token")).strip()};
    }

    private void activateLicense(PrimaryServer server) throws Exception {
        PinnedHttps admin = new PinnedHttps(server.adminUri(), server.tlsPin());
        LicensePayload license = new LicensePayload("ACME-1", "ACME Corp", 2, Instant.now().minus(Duration.ofDays(1)),
                null, List.of("record"));
        SignedDocument licenseFile = SignedDocument.sign(SignedDocument.LICENSE, Json.write(license), vendorKey);
        HttpResponse<String> imported = admin.postJson("/admin/v1/licenses", json(licenseFile), bearer());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        LicenseView pending = read(imported, LicenseView.class);
        UnlockPayload unlock = new UnlockPayload("ACME-1", pending.registrationCode(), Instant.now());
        HttpResponse<String> unlocked = admin.postJson("/admin/v1/unlocks",
                json(SignedDocument.sign(SignedDocument.UNLOCK, Json.write(unlock), vendorKey)), bearer());
        assertThat(unlocked.statusCode()).as(unlocked.body()).isEqualTo(200);
    }

    /** The value of one series of a Prometheus text scrape; fails when it is absent. */
    private static double series(String scrape, String name) {
        return Arrays.stream(scrape.split("\n")).filter(line -> line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1).strip().split(" ")[0]))
                .findFirst().orElseThrow(() -> new AssertionError(name + " is not in the scrape"));
    }

    private static String json(Object value) {
        return new String(Json.write(value), StandardCharsets.UTF_8);
    }

    @Test
    void a_server_on_postgresql_licenses_a_client_and_a_restart_keeps_its_seat() throws Exception {
        KeyFiles.writePublic(dataDirectory.resolve("trusted-vendors/acme.pub"), vendorKey.publicKey().encoded());
        String leaseId;
        try (PrimaryServer server = start()) {
            activateLicense(server);
            PinnedHttps client = new PinnedHttps(URI.create("https://127.0.0.1:" + server.clientPort()), server.tlsPin());
            PublicKey serverKey = PublicKey.decode(read(client.get("/v1/hello"), Hello.class).serverKey());
            RegisterRequest register = new RegisterRequest(ComputerIdentity.computer("PC1", "CORP"), "Linux 6.1 amd64",
                    new Version(1, 0, 1), Version.NONE, clientKey.publicKey().encoded(), 14400);

            HttpResponse<String> registered = signedPost(client, "/v1/register", register);

            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
            CheckInAnswer answer = read(registered, CheckInAnswer.class);
            assertThat(answer).isInstanceOf(CheckInAnswer.Licensed.class);
            LeasePayload lease = Json.read(((CheckInAnswer.Licensed) answer).lease()
                    .verifiedPayload(SignedDocument.LEASE, serverKey), LeasePayload.class);
            assertThat(lease.licenseSerial()).isEqualTo("ACME-1");
            leaseId = lease.leaseId();
        }
        assertThat(dataDirectory.resolve("primary.db")).as("no embedded store beside it").doesNotExist();

        try (PrimaryServer restarted = start()) {
            PinnedHttps client = new PinnedHttps(URI.create("https://127.0.0.1:" + restarted.clientPort()),
                    restarted.tlsPin());
            HttpResponse<String> verified = signedPost(client, "/v1/verify",
                    new VerifyRequest(leaseId, new Version(2, 1, 7), 14400));

            assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
            assertThat(read(verified, CheckInAnswer.class)).isInstanceOf(CheckInAnswer.Licensed.class);
            PinnedHttps admin = new PinnedHttps(restarted.adminUri(), restarted.tlsPin());
            LicenseSummary summary = read(admin.get("/admin/v1/summary", bearer()), LicenseSummary.class);
            assertThat(summary.used()).isEqualTo(1);

            String metrics = admin.get("/metrics").body();
            assertThat(series(metrics, "hikaricp_connections_max{pool=\"primary-store-reads\"}")).isEqualTo(10);
            assertThat(series(metrics, "hikaricp_connections_max{pool=\"primary-store\"}")).isEqualTo(4);
            assertThat(series(metrics, "hikaricp_connections_acquire_seconds_count{pool=\"primary-store-reads\"}"))
                    .as("the check-in's read took a read connection").isGreaterThan(0);
            assertThat(series(metrics, "hikaricp_connections_acquire_seconds_count{pool=\"primary-store\"}"))
                    .as("the check-in's write took a writer's connection").isGreaterThan(0);
        }
    }
}
