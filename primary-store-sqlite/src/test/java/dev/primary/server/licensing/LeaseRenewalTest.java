package dev.primary.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.LeasePayload;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.server.computer.Computer;
import dev.primary.server.testing.LicensingFixture;
import dev.primary.server.testing.TestClient;
import dev.primary.server.testing.WithLicensingFixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A check-in re-signs the lease only when it is due or changed; otherwise the client keeps the one it holds. */
class LeaseRenewalTest extends WithLicensingFixture {

    private TestClient licensedClient() {
        fixture.activeLicense("ABC-123", 5);
        TestClient client = TestClient.named("CORP\\PC1").keepingCurrentLease();
        assertThat(client.register(server)).isInstanceOf(CheckInAnswer.Licensed.class);
        return client;
    }

    private LeasePayload newLease(CheckInAnswer answer) {
        assertThat(answer).isInstanceOf(CheckInAnswer.Licensed.class);
        SignedDocument lease = ((CheckInAnswer.Licensed) answer).lease();
        assertThat(lease).as("a newly signed lease").isNotNull();
        assertThat(((CheckInAnswer.Licensed) answer).currentLease()).isNull();
        return Json.read(lease.verifiedPayload(SignedDocument.LEASE, fixture.serverKey.publicKey()), LeasePayload.class);
    }

    private Computer stored(TestClient client) {
        return fixture.store().read(reads -> reads.computersOfClient(client.clientId()).get(0));
    }

    @Test
    void a_check_in_before_the_renew_time_keeps_the_current_lease_and_signs_nothing() {
        TestClient client = licensedClient();
        String held = client.leaseId();
        fixture.clock.advance(Duration.ofHours(1));

        CheckInAnswer answer = client.verify(server);

        assertThat(answer).isInstanceOf(CheckInAnswer.Licensed.class);
        CheckInAnswer.Licensed licensed = (CheckInAnswer.Licensed) answer;
        assertThat(licensed.lease()).as("no new lease").isNull();
        assertThat(licensed.currentLease()).isEqualTo(held);
        assertThat(licensed.verifyAfterSeconds()).isEqualTo(TestClient.VERIFY_INTERVAL);
        assertThat(client.leaseId()).isEqualTo(held);
        Computer computer = stored(client);
        assertThat(computer.lease().leaseId()).as("the server still records the held lease").isEqualTo(held);
        assertThat(computer.lease().issuedAt()).isEqualTo(LicensingFixture.START);
        assertThat(computer.lastContact()).as("the contact is still recorded")
                .isEqualTo(LicensingFixture.START.plus(Duration.ofHours(1)));
    }

    @Test
    void a_check_in_past_the_renew_time_gets_a_newly_signed_lease() {
        TestClient client = licensedClient();
        String held = client.leaseId();
        fixture.clock.advance(Duration.ofSeconds(TestClient.VERIFY_INTERVAL));

        LeasePayload renewed = newLease(client.verify(server));

        assertThat(renewed.leaseId()).isNotEqualTo(held);
        assertThat(renewed.issuedAt()).isEqualTo(fixture.clock.instant());
        assertThat(renewed.expiresAt()).isEqualTo(fixture.clock.instant().plus(Duration.ofDays(7)));
        assertThat(stored(client).lease().leaseId()).isEqualTo(renewed.leaseId());
    }

    @Test
    void a_client_that_does_not_say_it_keeps_its_lease_gets_a_new_one_at_every_check_in() {
        fixture.activeLicense("ABC-123", 5);
        TestClient client = TestClient.named("CORP\\PC1");
        client.register(server);
        String first = client.leaseId();
        fixture.clock.advance(Duration.ofMinutes(5));

        LeasePayload renewed = newLease(client.verify(server));

        assertThat(renewed.leaseId()).isNotEqualTo(first);
    }

    @Test
    void a_client_that_holds_another_lease_than_the_last_issued_gets_a_new_one() {
        TestClient client = licensedClient();
        String held = client.leaseId();
        // The server issues a newer lease whose answer never reaches the client.
        server.register(client.credentials("/v1/register", client.registerRequest()), client.registerRequest());
        assertThat(stored(client).lease().leaseId()).isNotEqualTo(held);

        LeasePayload renewed = newLease(client.verify(server));

        assertThat(renewed.leaseId()).isNotEqualTo(held);
        assertThat(stored(client).lease().leaseId()).isEqualTo(renewed.leaseId());
    }

    @Test
    void a_changed_verify_interval_gets_a_new_lease_whose_renew_time_follows_it() {
        TestClient client = licensedClient();
        VerifyRequest request = client.verifyRequest();
        VerifyRequest shorter = new VerifyRequest(request.leaseId(), request.recorderVersion(), 600,
                request.clientVersion(), request.contentRevision(), request.nudgePort(), request.updates(), true);

        LeasePayload renewed = newLease(server.verify(client.credentials("/v1/verify", shorter), shorter));

        assertThat(renewed.renewAfter()).isEqualTo(fixture.clock.instant().plusSeconds(600));
    }

    @Test
    void a_lease_whose_expiry_policy_changed_is_signed_again() {
        TestClient client = licensedClient();
        fixture.clock.advance(Duration.ofMinutes(10));
        // The license is replaced by newer terms that end in two days: a week's lease would outlive it.
        server.importLicense(fixture.vendor.license("ABC-123", 5, fixture.clock.instant(),
                fixture.clock.instant().plus(Duration.ofDays(2))), "admin");

        LeasePayload renewed = newLease(client.verify(server));

        assertThat(renewed.expiresAt()).isEqualTo(fixture.clock.instant().plus(Duration.ofDays(2)));
    }

    @Test
    void a_seat_moved_to_another_license_is_signed_again() {
        TestClient client = licensedClient();
        fixture.clock.advance(Duration.ofMinutes(10));
        server.release(client.computer().display(), "moved", "admin");
        fixture.activeLicense("XYZ-999", 5);

        CheckInAnswer answer = client.verify(server);

        assertThat(answer).isInstanceOf(CheckInAnswer.Licensed.class);
        assertThat(newLease(answer).licenseSerial()).isIn("ABC-123", "XYZ-999");
    }
}
