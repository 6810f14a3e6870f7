package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.LicenseView;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.KeyFiles;
import dev.primary.protocol.crypto.RequestMac;
import dev.primary.protocol.crypto.RequestSignature;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.CheckInKey;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.LeasePayload;
import dev.primary.protocol.message.LicensePayload;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.UnlockPayload;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.protocol.message.Version;
import dev.primary.server.config.ServerConfiguration;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Check-ins authenticated with a check-in key (HMAC-SHA256) over real HTTPS, SQLite in a temp folder. */
class CheckInMacOverHttpsTest {
    @TempDir
    Path dataDirectory;

    private final SigningKey vendorKey = Ed25519.generate();
    private final SigningKey clientKey = Ed25519.generate();
    private long sequence = System.currentTimeMillis();

    @Test
    void a_signed_register_hands_out_a_check_in_key_and_a_check_in_with_its_mac_keeps_the_lease() throws Exception {
        try (PrimaryServer server = start()) {
            PinnedHttps client = licensedClient(server);
            Licensed licensed = register(client);
            assertThat(licensed.key().version()).isEqualTo(1);
            Path secret = dataDirectory.resolve("keys/check-in-key-secret");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");

            byte[] body = Json.write(keepingCheckIn(licensed.leaseId()));
            HttpResponse<String> kept = client.post("/v1/verify", "application/json", body,
                    macHeaders(licensed.key(), ++sequence, body));

            assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
            assertThat(kept.body()).contains("\"currentLease\":\"" + licensed.leaseId() + "\"")
                    .as("the key is handed out only to signed requests").doesNotContain("checkInKey");
        }
    }

    @Test
    void a_tampered_mac_is_refused_and_a_replayed_mac_request_is_refused() throws Exception {
        try (PrimaryServer server = start()) {
            PinnedHttps client = licensedClient(server);
            Licensed licensed = register(client);
            byte[] body = Json.write(keepingCheckIn(licensed.leaseId()));
            long used = ++sequence;
            String[] headers = macHeaders(licensed.key(), used, body);
            byte[] tampered = Json.write(new VerifyRequest(licensed.leaseId(), Version.NONE, 7200,
                    new Version(1, 0, 1), 0L, 0, List.of(), true));

            HttpResponse<String> altered = client.post("/v1/verify", "application/json", tampered, headers);
            assertThat(altered.statusCode()).as(altered.body()).isEqualTo(401);
            assertThat(problem(altered)).hasValue(ProblemType.SIGNATURE_REQUIRED);

            HttpResponse<String> first = client.post("/v1/verify", "application/json", body, headers);
            assertThat(first.statusCode()).as("the refused MAC did not use up the sequence: " + first.body())
                    .isEqualTo(200);
            HttpResponse<String> replayed = client.post("/v1/verify", "application/json", body, headers);
            assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(409);
            assertThat(problem(replayed)).hasValue(ProblemType.REPLAYED_REQUEST);
        }
    }

    @Test
    void an_unknown_key_version_asks_for_a_signature_which_hands_out_the_current_key() throws Exception {
        try (PrimaryServer server = start()) {
            PinnedHttps client = licensedClient(server);
            Licensed licensed = register(client);
            byte[] body = Json.write(keepingCheckIn(licensed.leaseId()));
            CheckInKey otherVersion = new CheckInKey(2, licensed.key().key());

            HttpResponse<String> refused = client.post("/v1/verify", "application/json", body,
                    macHeaders(otherVersion, ++sequence, body));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
            assertThat(problem(refused)).hasValue(ProblemType.SIGNATURE_REQUIRED);
            assertThat(refused.body()).contains("version 2");

            HttpResponse<String> signed = client.post("/v1/verify", "application/json", body,
                    signedTakingKey("/v1/verify", ++sequence, body));
            assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
            assertThat(((CheckInAnswer.Licensed) Json.read(signed.body().getBytes(StandardCharsets.UTF_8),
                    CheckInAnswer.class)).newCheckInKey()).hasValue(licensed.key());
        }
    }

    @Test
    void a_client_that_does_not_say_it_takes_a_check_in_key_gets_none() throws Exception {
        try (PrimaryServer server = start()) {
            PinnedHttps client = licensedClient(server);
            byte[] body = Json.write(registerRequest());
            HttpResponse<String> registered = client.post("/v1/register", "application/json", body,
                    SignedRequests.headers(clientKey, "POST", "/v1/register", ++sequence, body));

            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
            assertThat(registered.body()).contains("\"lease\"").doesNotContain("checkInKey");
        }
    }

    @Test
    void register_and_report_still_need_a_signature() throws Exception {
        try (PrimaryServer server = start()) {
            PinnedHttps client = licensedClient(server);
            Licensed licensed = register(client);
            byte[] body = Json.write(registerRequest());

            HttpResponse<String> register = client.post("/v1/register", "application/json", body,
                    macHeaders(licensed.key(), "/v1/register", ++sequence, body));
            assertThat(register.statusCode()).as(register.body()).isEqualTo(401);
            assertThat(problem(register)).hasValue(ProblemType.SIGNATURE_REQUIRED);

            byte[] report = Json.write(new dev.primary.protocol.message.ReportRequest(new Version(1, 0, 1), "licensed", ""));
            HttpResponse<String> reported = client.post("/v1/report", "application/json", report,
                    macHeaders(licensed.key(), "/v1/report", ++sequence, report));
            assertThat(reported.statusCode()).as(reported.body()).isEqualTo(401);
            assertThat(problem(reported)).hasValue(ProblemType.SIGNATURE_REQUIRED);
        }
    }

    @Test
    void a_replaced_secret_retires_the_old_keys_and_a_signed_check_in_gets_one_of_the_new_version() throws Exception {
        Licensed licensed;
        try (PrimaryServer server = start()) {
            licensed = register(licensedClient(server));
        }
        Path secret = dataDirectory.resolve("keys/check-in-key-secret");
        byte[] replacement = new byte[32];
        new java.security.SecureRandom().nextBytes(replacement);
        Files.writeString(secret, "2 " + dev.primary.protocol.crypto.Base64Url.encode(replacement) + "\n");
        try (PrimaryServer restarted = start()) {
            PinnedHttps client = new PinnedHttps(URI.create("https://127.0.0.1:" + restarted.clientPort()),
                    restarted.tlsPin());
            byte[] body = Json.write(keepingCheckIn(licensed.leaseId()));
            HttpResponse<String> refused = client.post("/v1/verify", "application/json", body,
                    macHeaders(licensed.key(), ++sequence, body));
            assertThat(problem(refused)).as(refused.body()).hasValue(ProblemType.SIGNATURE_REQUIRED);

            HttpResponse<String> signed = client.post("/v1/verify", "application/json", body,
                    signedTakingKey("/v1/verify", ++sequence, body));
            CheckInKey renewed = ((CheckInAnswer.Licensed) Json.read(signed.body().getBytes(StandardCharsets.UTF_8),
                    CheckInAnswer.class)).newCheckInKey().orElseThrow();
            assertThat(renewed.version()).isEqualTo(2);
            assertThat(renewed.key()).isNotEqualTo(licensed.key().key());
            HttpResponse<String> maced = client.post("/v1/verify", "application/json", body,
                    macHeaders(renewed, ++sequence, body));
            assertThat(maced.statusCode()).as(maced.body()).isEqualTo(200);
        }
    }

    private record Licensed(String leaseId, CheckInKey key) {
    }

    private Licensed register(PinnedHttps client) throws Exception {
        byte[] body = Json.write(registerRequest());
        HttpResponse<String> registered = client.post("/v1/register", "application/json", body,
                signedTakingKey("/v1/register", ++sequence, body));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        CheckInAnswer.Licensed licensed = (CheckInAnswer.Licensed) Json.read(
                registered.body().getBytes(StandardCharsets.UTF_8), CheckInAnswer.class);
        String leaseId = Json.read(licensed.lease().unverifiedPayload(), LeasePayload.class).leaseId();
        return new Licensed(leaseId, licensed.newCheckInKey().orElseThrow());
    }

    private String[] signedTakingKey(String path, long requestSequence, byte[] body) {
        String[] signed = SignedRequests.headers(clientKey, "POST", path, requestSequence, body);
        String[] headers = java.util.Arrays.copyOf(signed, signed.length + 2);
        headers[signed.length] = RequestMac.TAKES_KEY;
        headers[signed.length + 1] = RequestMac.TAKES_KEY_VALUE;
        return headers;
    }

    private RegisterRequest registerRequest() {
        return new RegisterRequest(ComputerIdentity.computer("MACPC", "CORP"), "Linux 6.1 amd64",
                new Version(1, 0, 1), Version.NONE, clientKey.publicKey().encoded(), 14400);
    }

    private static VerifyRequest keepingCheckIn(String leaseId) {
        return new VerifyRequest(leaseId, Version.NONE, 14400, new Version(1, 0, 1), 0L, 0, List.of(), true);
    }

    private String[] macHeaders(CheckInKey key, long requestSequence, byte[] body) {
        return macHeaders(key, "/v1/verify", requestSequence, body);
    }

    private String[] macHeaders(CheckInKey key, String path, long requestSequence, byte[] body) {
        String clientId = clientKey.publicKey().keyId();
        return new String[] {
            RequestSignature.CLIENT_ID, clientId,
            RequestSignature.SEQUENCE, Long.toString(requestSequence),
            RequestMac.KEY_VERSION, Integer.toString(key.version()),
            RequestMac.MAC, RequestMac.header(key.bytes(), "POST", path, clientId, requestSequence, body)
        };
    }

    private static java.util.Optional<ProblemType> problem(HttpResponse<String> response) {
        return Json.read(response.body().getBytes(StandardCharsets.UTF_8), Problem.class).knownType();
    }

    private PrimaryServer start() {
        return PrimaryServer.start(ServerConfiguration.onFreeLoopbackPorts(dataDirectory).toBuilder()
                .openEnrollment(true).build(), Clock.systemUTC());
    }

    private PinnedHttps licensedClient(PrimaryServer server) throws Exception {
        KeyFiles.writePublic(dataDirectory.resolve("trusted-vendors/acme.pub"), vendorKey.publicKey().encoded());
        PinnedHttps admin = new PinnedHttps(server.adminUri(), server.tlsPin());
        String[] bearer = {"Authorization", "Bearer " + Files.readString(dataDirectory.resolve("admin-token")).strip()};
        LicensePayload license = new LicensePayload("ACME-1", "ACME Corp", 2, Instant.now().minus(Duration.ofDays(1)),
                null, List.of("record"));
        HttpResponse<String> imported = admin.postJson("/admin/v1/licenses", new String(Json.write(
                SignedDocument.sign(SignedDocument.LICENSE, Json.write(license), vendorKey)), StandardCharsets.UTF_8),
                bearer);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        LicenseView pending = Json.read(imported.body().getBytes(StandardCharsets.UTF_8), LicenseView.class);
        UnlockPayload unlock = new UnlockPayload("ACME-1", pending.registrationCode(), Instant.now());
        HttpResponse<String> unlocked = admin.postJson("/admin/v1/unlocks", new String(Json.write(
                SignedDocument.sign(SignedDocument.UNLOCK, Json.write(unlock), vendorKey)), StandardCharsets.UTF_8),
                bearer);
        assertThat(unlocked.statusCode()).as(unlocked.body()).isEqualTo(200);
        return new PinnedHttps(URI.create("https://127.0.0.1:" + server.clientPort()), server.tlsPin());
    }
}
