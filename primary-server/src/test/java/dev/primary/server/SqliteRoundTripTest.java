package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.admin.LicenseSummary;
import dev.primary.protocol.admin.LicenseView;
import dev.primary.protocol.admin.TrafficCounters;
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
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.UnlockPayload;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.tls.TlsPin;
import dev.primary.server.config.ServerConfiguration;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real thing: licensing core, SQLite in a temp folder, TLS over loopback, signed client requests. */
class SqliteRoundTripTest {
    @TempDir
    Path dataDirectory;

    private final SigningKey vendorKey = Ed25519.generate();
    private final SigningKey clientKey = Ed25519.generate();
    private long sequence = System.currentTimeMillis();

    private PrimaryServer start() {
        return PrimaryServer.start(ServerConfiguration.onFreeLoopbackPorts(dataDirectory).toBuilder()
                .openEnrollment(true).build(), Clock.systemUTC());
    }

    private static <T> T read(HttpResponse<String> response, Class<T> type) {
        return Json.read(response.body().getBytes(StandardCharsets.UTF_8), type);
    }

    private HttpResponse<String> signedPost(PinnedHttps client, String path, Object message) throws Exception {
        byte[] body = Json.write(message);
        return client.post(path, "application/json", body,
                SignedRequests.headers(clientKey, "POST", path, ++sequence, body));
    }

    private void activateLicense(PrimaryServer server) throws Exception {
        PinnedHttps admin = new PinnedHttps(server.adminUri(), server.tlsPin());
        String[] bearer = {"Authorization", "Bearer " + Files.readString(dataDirectory.resolve("admin-token")).strip()};
        LicensePayload license = new LicensePayload("ACME-1", "ACME Corp", 2, Instant.now().minus(Duration.ofDays(1)),
                null, List.of("record"));
        SignedDocument licenseFile = SignedDocument.sign(SignedDocument.LICENSE, Json.write(license), vendorKey);

        HttpResponse<String> imported = admin.postJson("/admin/v1/licenses", json(licenseFile), bearer);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        LicenseView pending = read(imported, LicenseView.class);
        assertThat(pending.state()).isEqualTo(LicenseView.State.PENDING_REGISTRATION);

        UnlockPayload unlock = new UnlockPayload("ACME-1", pending.registrationCode(), Instant.now());
        HttpResponse<String> unlocked = admin.postJson("/admin/v1/unlocks",
                json(SignedDocument.sign(SignedDocument.UNLOCK, Json.write(unlock), vendorKey)), bearer);
        assertThat(unlocked.statusCode()).as(unlocked.body()).isEqualTo(200);
        assertThat(read(unlocked, LicenseView.class).state()).isEqualTo(LicenseView.State.ACTIVE);
    }

    private TrafficCounters counters(PrimaryServer server) throws Exception {
        PinnedHttps admin = new PinnedHttps(server.adminUri(), server.tlsPin());
        return read(admin.get("/admin/v1/counters", "Authorization",
                "Bearer " + Files.readString(dataDirectory.resolve("admin-token")).strip()), TrafficCounters.class);
    }

    private static String json(Object value) {
        return new String(Json.write(value), StandardCharsets.UTF_8);
    }

    @Test
    void a_signed_register_over_real_https_gets_a_lease_and_a_restart_keeps_identity_and_seat() throws Exception {
        KeyFiles.writePublic(dataDirectory.resolve("trusted-vendors/acme.pub"), vendorKey.publicKey().encoded());
        String serverId;
        TlsPin pin;
        PublicKey serverKey;
        String leaseId;
        try (PrimaryServer server = start()) {
            activateLicense(server);
            PinnedHttps client = new PinnedHttps(URI.create("https://127.0.0.1:" + server.clientPort()), server.tlsPin());
            Hello hello = read(client.get("/v1/hello"), Hello.class);
            serverKey = PublicKey.decode(hello.serverKey());

            RegisterRequest register = new RegisterRequest(ComputerIdentity.computer("PC1", "CORP"), "Linux 6.1 amd64",
                    new Version(1, 0, 1), Version.NONE, clientKey.publicKey().encoded(), 14400);
            HttpResponse<String> registered = signedPost(client, "/v1/register", register);

            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
            CheckInAnswer answer = read(registered, CheckInAnswer.class);
            assertThat(answer).isInstanceOf(CheckInAnswer.Licensed.class);
            LeasePayload lease = Json.read(((CheckInAnswer.Licensed) answer).lease()
                    .verifiedPayload(SignedDocument.LEASE, serverKey), LeasePayload.class);
            assertThat(lease.clientId()).isEqualTo(clientKey.publicKey().keyId());
            assertThat(lease.serverId()).isEqualTo(hello.serverId());
            assertThat(lease.licenseSerial()).isEqualTo("ACME-1");
            assertThat(lease.computer().display()).isEqualTo("CORP\\PC1");
            leaseId = lease.leaseId();

            byte[] replayedBody = Json.write(register);
            String[] replayedHeaders = SignedRequests.headers(clientKey, "POST", "/v1/register", sequence, replayedBody);
            HttpResponse<String> replayed = client.post("/v1/register", "application/json", replayedBody, replayedHeaders);
            assertThat(replayed.statusCode()).isEqualTo(409);
            assertThat(read(replayed, Problem.class).knownType()).hasValue(ProblemType.REPLAYED_REQUEST);
            assertThat(counters(server)).isEqualTo(new TrafficCounters(1, 0, 0, 0, 0, 1));

            serverId = server.serverId();
            pin = server.tlsPin();
        }

        try (PrimaryServer restarted = start()) {
            assertThat(restarted.serverId()).isEqualTo(serverId);
            assertThat(restarted.tlsPin()).isEqualTo(pin);
            assertThat(restarted.serverKey()).isEqualTo(serverKey);
            PinnedHttps client = new PinnedHttps(URI.create("https://127.0.0.1:" + restarted.clientPort()), pin);

            HttpResponse<String> verified = signedPost(client, "/v1/verify",
                    new VerifyRequest(leaseId, new Version(2, 1, 7), 14400));

            assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
            assertThat(read(verified, CheckInAnswer.class)).isInstanceOf(CheckInAnswer.Licensed.class);
            PinnedHttps admin = new PinnedHttps(restarted.adminUri(), pin);
            LicenseSummary summary = read(admin.get("/admin/v1/summary", "Authorization",
                    "Bearer " + Files.readString(dataDirectory.resolve("admin-token")).strip()), LicenseSummary.class);
            assertThat(summary.licenses()).isEqualTo(2);
            assertThat(summary.used()).isEqualTo(1);
            assertThat(counters(restarted)).as("counted since this start").isEqualTo(new TrafficCounters(0, 1, 0, 0, 0, 0));
        }
    }

    @Test
    void a_check_in_before_the_lease_is_due_keeps_the_lease_and_a_stop_writes_its_batched_contact() throws Exception {
        KeyFiles.writePublic(dataDirectory.resolve("trusted-vendors/acme.pub"), vendorKey.publicKey().encoded());
        VerifyRequest checkIn;
        byte[] checkInBody;
        String[] checkInHeaders;
        Instant before;
        try (PrimaryServer server = start()) {
            activateLicense(server);
            PinnedHttps client = new PinnedHttps(URI.create("https://127.0.0.1:" + server.clientPort()), server.tlsPin());
            RegisterRequest register = new RegisterRequest(ComputerIdentity.computer("KEEPER", "CORP"), "Linux 6.1 amd64",
                    new Version(1, 0, 1), Version.NONE, clientKey.publicKey().encoded(), 14400);
            CheckInAnswer.Licensed licensed = (CheckInAnswer.Licensed) read(signedPost(client, "/v1/register", register),
                    CheckInAnswer.class);
            String leaseId = Json.read(licensed.lease().unverifiedPayload(), LeasePayload.class).leaseId();
            checkIn = new VerifyRequest(leaseId, Version.NONE, 14400, new Version(1, 0, 1), 0L, 0, List.of(), true);
            checkInBody = Json.write(checkIn);
            checkInHeaders = SignedRequests.headers(clientKey, "POST", "/v1/verify", ++sequence, checkInBody);
            before = Instant.now();

            HttpResponse<String> kept = client.post("/v1/verify", "application/json", checkInBody, checkInHeaders);

            assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
            assertThat(kept.body()).contains("\"status\":\"licensed\"", "\"currentLease\":\"" + leaseId + "\"")
                    .doesNotContain("\"lease\"");
            assertThat(((CheckInAnswer.Licensed) read(kept, CheckInAnswer.class)).verifyAfterSeconds()).isEqualTo(14400);
        }

        try (PrimaryServer restarted = start()) {
            PinnedHttps client = new PinnedHttps(URI.create("https://127.0.0.1:" + restarted.clientPort()),
                    restarted.tlsPin());
            HttpResponse<String> replayed = client.post("/v1/verify", "application/json", checkInBody, checkInHeaders);
            assertThat(replayed.statusCode()).as("the stop wrote the batched sequence: " + replayed.body())
                    .isEqualTo(409);
            PinnedHttps admin = new PinnedHttps(restarted.adminUri(), restarted.tlsPin());
            dev.primary.protocol.admin.ComputerView view = read(admin.get("/admin/v1/computers/CORP%5CKEEPER",
                    "Authorization", "Bearer " + Files.readString(dataDirectory.resolve("admin-token")).strip()),
                    dev.primary.protocol.admin.ComputerView.class);
            assertThat(view.lastContact()).as("and its last contact").isAfterOrEqualTo(before);
        }
    }

    @Test
    void a_second_server_on_the_same_data_directory_fails_with_the_stores_message() {
        try (PrimaryServer first = start()) {
            assertThatThrownBy(this::start)
                    .isInstanceOf(ServerStartException.class)
                    .hasMessageContaining("is already in use by");
            assertThat(first.clientPort()).isPositive();
        }
    }

    @Test
    void the_store_lives_in_the_data_directory() {
        try (PrimaryServer server = start()) {
            assertThat(dataDirectory.resolve("primary.db")).exists();
        }
    }
}
