package dev.primary.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.Hello;
import dev.primary.protocol.message.LeasePayload;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.protocol.message.Version;
import dev.primary.server.PrimaryException;
import dev.primary.server.testing.LicensingFixture;
import dev.primary.server.testing.TestClient;
import dev.primary.server.testing.WithLicensingFixture;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClientCheckInTest extends WithLicensingFixture {
    private LeasePayload verifiedLease(CheckInAnswer answer) {
        assertThat(answer).isInstanceOf(CheckInAnswer.Licensed.class);
        SignedDocument lease = ((CheckInAnswer.Licensed) answer).lease();
        return Json.read(lease.verifiedPayload(SignedDocument.LEASE, fixture.serverKey.publicKey()), LeasePayload.class);
    }

    @Test
    void hello_names_the_product_the_server_and_its_lease_key() {
        Hello hello = server.hello();

        assertThat(hello.product()).isEqualTo("primary-server");
        assertThat(hello.serverId()).isEqualTo(LicensingFixture.SERVER_ID);
        assertThat(hello.serverKey()).isEqualTo(fixture.serverKey.publicKey().encoded());
        assertThat(hello.time()).isEqualTo(LicensingFixture.START);
    }

    @Test
    void register_grants_a_seat_and_a_lease_that_verifies_with_the_server_key() {
        fixture.activeLicense("ABC-123", 5);
        TestClient client = TestClient.named("CORP\\PC1");

        CheckInAnswer answer = client.register(server);

        LeasePayload lease = verifiedLease(answer);
        Instant now = LicensingFixture.START;
        assertThat(lease.clientId()).isEqualTo(client.clientId());
        assertThat(lease.serverId()).isEqualTo(LicensingFixture.SERVER_ID);
        assertThat(lease.computer()).isEqualTo(client.computer());
        assertThat(lease.licenseSerial()).isEqualTo("ABC-123");
        assertThat(lease.features()).containsExactly("recorder");
        assertThat(lease.issuedAt()).isEqualTo(now);
        assertThat(lease.renewAfter()).isEqualTo(now.plusSeconds(TestClient.VERIFY_INTERVAL));
        assertThat(lease.expiresAt()).isEqualTo(now.plus(Duration.ofDays(7)));
        assertThat(((CheckInAnswer.Licensed) answer).verifyAfterSeconds()).isEqualTo(TestClient.VERIFY_INTERVAL);
        ComputerView view = fixture.view(client);
        assertThat(view.state()).isEqualTo(ComputerState.LICENSED);
        assertThat(view.reason()).isEqualTo("licensed under ABC-123 until 2026-12-08 10:00 UTC");
        assertThat(server.summary().used()).isEqualTo(1);
        assertThat(server.summary().active()).isEqualTo(1);
    }

    @Test
    void recorder_column_shows_V_0_0_0000_before_the_first_license_and_the_reported_version_after() {
        TestClient client = TestClient.named("CORP\\PC1");
        client.runsRecorder(new Version(2, 3, 45));
        client.register(server);
        assertThat(fixture.view(client).recorder()).isEqualTo("V 0.0 (0000)");
        assertThat(fixture.view(client).state()).isEqualTo(ComputerState.WAITING);

        fixture.activeLicense("ABC-123", 5);
        client.register(server);

        assertThat(fixture.view(client).state()).isEqualTo(ComputerState.LICENSED);
        assertThat(fixture.view(client).recorder()).isEqualTo("V 2.3 (0045)");
    }

    @Test
    void recorder_column_falls_back_to_V_0_0_0000_when_the_lease_expires() {
        fixture.activeLicense("ABC-123", 5);
        TestClient client = TestClient.named("CORP\\PC1");
        client.runsRecorder(new Version(2, 3, 45));
        client.register(server);

        fixture.clock.advance(Duration.ofDays(8));

        ComputerView view = fixture.view(client);
        assertThat(view.state()).isEqualTo(ComputerState.EXPIRED);
        assertThat(view.recorder()).isEqualTo("V 0.0 (0000)");
        assertThat(view.reason()).isEqualTo("lease expired 2026-12-08 10:00 UTC: no check-in since 2026-12-01 10:00 UTC");
        assertThat(server.summary().used()).isEqualTo(1);
        assertThat(server.summary().active()).isZero();
    }

    @Test
    void report_shows_the_recorder_version_and_client_state_at_once() {
        fixture.activeLicense("ABC-123", 5);
        TestClient client = TestClient.named("CORP\\PC1");
        client.register(server);
        assertThat(fixture.view(client).recorder()).isEqualTo("V 0.0 (0000)");

        client.runsRecorder(new Version(1, 4, 2));
        fixture.clock.advance(Duration.ofMinutes(1));
        client.report(server, "licensed");

        ComputerView view = fixture.view(client);
        assertThat(view.recorder()).isEqualTo("V 1.4 (0002)");
        assertThat(view.lastContact()).isEqualTo(LicensingFixture.START.plusSeconds(60));
    }

    @Test
    void verify_renews_the_lease_with_a_fresh_lease_id_and_a_later_expiry() {
        fixture.activeLicense("ABC-123", 5);
        TestClient client = TestClient.named("CORP\\PC1");
        LeasePayload first = verifiedLease(client.register(server));

        fixture.clock.advance(Duration.ofHours(4));
        LeasePayload renewed = verifiedLease(client.verify(server));

        assertThat(renewed.leaseId()).isNotEqualTo(first.leaseId());
        assertThat(renewed.issuedAt()).isEqualTo(first.issuedAt().plus(Duration.ofHours(4)));
        assertThat(renewed.expiresAt()).isEqualTo(first.expiresAt().plus(Duration.ofHours(4)));
        assertThat(fixture.view(client).lastContact()).isEqualTo(renewed.issuedAt());
        assertThat(server.summary().used()).isEqualTo(1);
        assertThat(server.audit(0, 100)).extracting(entry -> entry.action())
                .as("plain renewals are not audited")
                .containsExactly("seat.granted", "license.unlocked", "license.imported");
    }

    @Test
    void a_lease_never_outlives_its_license() {
        Instant licenseEnd = LicensingFixture.START.plus(Duration.ofDays(2));
        fixture.activeLicense("ABC-123", 5, licenseEnd);

        LeasePayload lease = verifiedLease(TestClient.named("CORP\\PC1").register(server));

        assertThat(lease.expiresAt()).isEqualTo(licenseEnd);
    }

    @Test
    void a_replayed_sequence_is_refused_and_names_the_last_accepted_one() {
        fixture.activeLicense("ABC-123", 5);
        TestClient client = TestClient.named("CORP\\PC1");
        RegisterRequest request = client.registerRequest();
        var credentials = client.credentialsAt("/v1/register", request, 1000);
        server.register(credentials, request);

        assertThatThrownBy(() -> server.register(credentials, request))
                .isInstanceOf(ReplayedRequestException.class)
                .hasMessageContaining("last accepted sequence 1000")
                .extracting(e -> ((PrimaryException) e).problemType()).isEqualTo(ProblemType.REPLAYED_REQUEST);
        VerifyRequest verify = new VerifyRequest("x", Version.NONE, 60);
        assertThatThrownBy(() -> server.verify(client.credentialsAt("/v1/verify", verify, 999), verify))
                .isInstanceOf(ReplayedRequestException.class);
        assertThat(server.verify(client.credentialsAt("/v1/verify", verify, 1001), verify))
                .isInstanceOf(CheckInAnswer.Licensed.class);
    }

    @Test
    void a_request_with_a_wrong_signature_is_refused() {
        TestClient client = TestClient.named("CORP\\PC1");
        RegisterRequest request = client.registerRequest();
        var genuine = client.credentials("/v1/register", request);
        byte[] altered = genuine.signedBytes().clone();
        altered[altered.length - 1] ^= 1;
        var forged = new ClientCredentials(genuine.clientId(), genuine.sequence(), genuine.signature(), altered);

        assertThatThrownBy(() -> server.register(forged, request))
                .isInstanceOf(ClientSignatureInvalidException.class)
                .hasMessageContaining("does not verify");
        client.register(server);
        VerifyRequest verify = new VerifyRequest("x", Version.NONE, 60);
        var other = TestClient.named("CORP\\PC2").credentials("/v1/verify", verify);
        var signedByAnother = new ClientCredentials(client.clientId(), 5, other.signature(), other.signedBytes());
        assertThatThrownBy(() -> server.verify(signedByAnother, verify))
                .isInstanceOf(ClientSignatureInvalidException.class);
    }

    @Test
    void verify_from_an_unknown_client_asks_it_to_register() {
        TestClient stranger = TestClient.named("CORP\\PC9");

        assertThatThrownBy(() -> stranger.verify(server))
                .isInstanceOf(UnknownClientException.class)
                .hasMessageContaining("register first");
        assertThatThrownBy(() -> stranger.report(server, "licensed"))
                .isInstanceOf(UnknownClientException.class);
    }

    @Test
    void register_whose_header_client_id_is_not_the_key_id_of_the_body_key_is_malformed() {
        TestClient client = TestClient.named("CORP\\PC1");
        TestClient impostor = TestClient.named("CORP\\PC1");
        RegisterRequest request = client.registerRequest();

        assertThatThrownBy(() -> server.register(impostor.credentials("/v1/register", request), request))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("is not the key id")
                .extracting(e -> ((PrimaryException) e).problemType()).isEqualTo(ProblemType.MALFORMED_REQUEST);
    }

    @Test
    void a_reinstalled_client_with_the_same_computer_name_takes_the_seat_over_after_a_rekey() {
        fixture.activeLicense("ABC-123", 1);
        TestClient original = TestClient.named("CORP\\PC1");
        original.register(server);
        TestClient reinstalled = TestClient.named("corp\\pc1");
        assertThatThrownBy(() -> reinstalled.register(server)).as("not without the administrator's word")
                .isInstanceOf(ComputerHeldException.class);

        server.rekey("CORP\\PC1", "re-imaged", "admin");
        LeasePayload lease = verifiedLease(reinstalled.register(server));

        assertThat(lease.clientId()).isEqualTo(reinstalled.clientId());
        assertThat(server.summary().used()).isEqualTo(1);
        assertThat(fixture.view(reinstalled).clientId()).isEqualTo(reinstalled.clientId());
        assertThat(server.audit(0, 5)).extracting(entry -> entry.action()).contains("seat.reused", "computer.rekeyed");
        assertThatThrownBy(() -> original.verify(server))
                .as("the old installation no longer speaks for the computer")
                .isInstanceOf(UnknownClientException.class);
    }

    @Test
    void per_user_seats_on_one_host_each_hold_their_own_seat() {
        fixture.activeLicense("ABC-123", 3);
        TestClient alice = TestClient.named("CORP\\TS1\\alice");
        TestClient bob = TestClient.named("CORP\\TS1\\bob");

        assertThat(alice.register(server)).isInstanceOf(CheckInAnswer.Licensed.class);
        assertThat(bob.register(server)).isInstanceOf(CheckInAnswer.Licensed.class);
        assertThat(alice.verify(server)).isInstanceOf(CheckInAnswer.Licensed.class);

        assertThat(server.summary().used()).isEqualTo(2);
        assertThat(server.computer("CORP\\TS1\\bob").computer().userName()).isEqualTo("bob");
        assertThat(server.computers(dev.primary.protocol.admin.ComputerQuery.all()).items())
                .extracting(view -> view.computer().display())
                .containsExactly("CORP\\TS1\\alice", "CORP\\TS1\\bob");
    }
}
