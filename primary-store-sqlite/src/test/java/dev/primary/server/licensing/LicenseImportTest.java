package dev.primary.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.admin.LicenseDetail;
import dev.primary.protocol.admin.LicenseView;
import dev.primary.protocol.crypto.Base64Url;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.LicensePayload;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.RegistrationCode;
import dev.primary.server.PrimaryException;
import dev.primary.server.testing.LicensingFixture;
import dev.primary.server.testing.TestClient;
import dev.primary.server.testing.WithLicensingFixture;
import dev.primary.server.testing.TestVendor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LicenseImportTest extends WithLicensingFixture {
    static final Instant ISSUED = LicensingFixture.START.minus(Duration.ofDays(1));

    @Test
    void an_imported_license_is_pending_with_this_installations_registration_code() {
        LicenseView view = server.importLicense(fixture.vendor.license("ABC-123", 50, ISSUED, null), "admin");

        assertThat(view.state()).isEqualTo(LicenseView.State.PENDING_REGISTRATION);
        assertThat(view.registrationCode()).isEqualTo(RegistrationCode.of("ABC-123", LicensingFixture.SERVER_ID).text());
        assertThat(view.seats()).isEqualTo(50);
        assertThat(view.customer()).isEqualTo("Example Corp");
        assertThat(view.importedAt()).isEqualTo(LicensingFixture.START);
        assertThat(server.summary().licenses()).as("a pending license grants no seat").isZero();
        assertThat(server.audit(0, 10)).extracting(entry -> entry.action()).containsExactly("license.imported");
    }

    @Test
    void unlocking_activates_the_seats() {
        server.importLicense(fixture.vendor.license("ABC-123", 50, ISSUED, null), "admin");

        LicenseView view = fixture.unlock("ABC-123");

        assertThat(view.state()).isEqualTo(LicenseView.State.ACTIVE);
        assertThat(server.summary().licenses()).isEqualTo(50);
        assertThat(fixture.unlock("ABC-123").state()).as("unlocking twice changes nothing")
                .isEqualTo(LicenseView.State.ACTIVE);
        assertThat(server.audit(0, 10)).extracting(entry -> entry.action())
                .containsExactly("license.unlocked", "license.imported");
    }

    @Test
    void importing_the_same_file_again_changes_nothing() {
        SignedDocument file = fixture.vendor.license("ABC-123", 5, ISSUED, null);
        server.importLicense(file, "admin");
        fixture.unlock("ABC-123");

        LicenseView again = server.importLicense(file, "admin");

        assertThat(again.state()).isEqualTo(LicenseView.State.ACTIVE);
        assertThat(server.licenses()).hasSize(1);
        assertThat(server.audit(0, 10)).hasSize(2);
    }

    @Test
    void a_newer_file_for_the_same_serial_replaces_the_terms_and_keeps_the_unlock() {
        server.importLicense(fixture.vendor.license("ABC-123", 1, ISSUED, null), "admin");
        fixture.unlock("ABC-123");
        TestClient.named("CORP\\PC1").register(server);
        TestClient waiting = TestClient.named("CORP\\PC2");
        waiting.register(server);

        LicenseView renewed = server.importLicense(
                fixture.vendor.license("ABC-123", 10, ISSUED.plus(Duration.ofHours(1)), null), "admin");

        assertThat(renewed.state()).isEqualTo(LicenseView.State.ACTIVE);
        assertThat(renewed.seats()).isEqualTo(10);
        assertThat(renewed.used()).as("the waiting computer got one of the new seats").isEqualTo(2);
        assertThat(server.summary().waiting()).isZero();
    }

    @Test
    void an_older_file_for_the_same_serial_is_refused() {
        server.importLicense(fixture.vendor.license("ABC-123", 10, ISSUED, null), "admin");

        assertThatThrownBy(() -> server.importLicense(
                fixture.vendor.license("ABC-123", 99, ISSUED.minus(Duration.ofDays(1)), null), "admin"))
                .isInstanceOf(LicenseInvalidException.class)
                .hasMessageContaining("not after the one already imported");
        assertThat(server.licenses().get(0).seats()).isEqualTo(10);
    }

    @Test
    void a_license_signed_by_an_untrusted_key_is_refused_naming_the_key() {
        TestVendor stranger = new TestVendor();

        assertThatThrownBy(() -> server.importLicense(stranger.license("ABC-123", 5, ISSUED, null), "admin"))
                .isInstanceOf(LicenseInvalidException.class)
                .hasMessageContaining("signed by key " + stranger.publicKey().keyId())
                .hasMessageContaining("which this server does not trust")
                .extracting(e -> ((PrimaryException) e).problemType()).isEqualTo(ProblemType.LICENSE_INVALID);
        assertThat(server.licenses()).isEmpty();
    }

    @Test
    void a_tampered_license_is_refused() {
        SignedDocument genuine = fixture.vendor.license("ABC-123", 5, ISSUED, null);
        LicensePayload terms = Json.read(genuine.unverifiedPayload(), LicensePayload.class);
        LicensePayload moreSeats = new LicensePayload(terms.serial(), terms.customer(), 5000, terms.issuedAt(),
                terms.expiresAt(), terms.features());
        SignedDocument tampered = new SignedDocument(genuine.kind(), genuine.keyId(),
                Base64Url.encode(Json.write(moreSeats)), genuine.signature());

        assertThatThrownBy(() -> server.importLicense(tampered, "admin"))
                .isInstanceOf(LicenseInvalidException.class)
                .hasMessageContaining("signature does not verify");
    }

    @Test
    void an_unlock_file_is_not_accepted_as_a_license() {
        SignedDocument unlock = fixture.vendor.unlock("ABC-123", "ABC-123/AAAA-AAAA-AAAA-AAAA", ISSUED);

        assertThatThrownBy(() -> server.importLicense(unlock, "admin"))
                .isInstanceOf(LicenseInvalidException.class)
                .hasMessage("the file is an unlock document, not a license file");
    }

    @Test
    void an_unlock_for_another_installation_is_refused_naming_both_codes() {
        server.importLicense(fixture.vendor.license("ABC-123", 5, ISSUED, null), "admin");
        String theirs = RegistrationCode.of("ABC-123", "another-server").text();
        String ours = RegistrationCode.of("ABC-123", LicensingFixture.SERVER_ID).text();

        assertThatThrownBy(() -> server.unlock(fixture.vendor.unlock("ABC-123", theirs, ISSUED), "admin"))
                .isInstanceOf(LicenseInvalidException.class)
                .hasMessage("the unlock is for registration code " + theirs + ", but this installation's code for"
                        + " license ABC-123 is " + ours + ": the unlock was made for another installation");
        assertThat(server.licenses().get(0).state()).isEqualTo(LicenseView.State.PENDING_REGISTRATION);
    }

    @Test
    void an_unlock_for_a_license_not_imported_is_not_found() {
        String code = RegistrationCode.of("XYZ-9", LicensingFixture.SERVER_ID).text();

        assertThatThrownBy(() -> server.unlock(fixture.vendor.unlock("XYZ-9", code, ISSUED), "admin"))
                .isInstanceOf(LicenseNotFoundException.class)
                .hasMessageContaining("import its license file before the unlock");
    }

    @Test
    void an_expired_license_is_refused_at_import_and_an_active_one_stops_counting_when_it_expires() {
        Instant end = LicensingFixture.START.plus(Duration.ofDays(10));
        assertThatThrownBy(() -> server.importLicense(
                fixture.vendor.license("OLD-1", 5, ISSUED.minus(Duration.ofDays(400)), ISSUED), "admin"))
                .isInstanceOf(LicenseInvalidException.class)
                .hasMessageContaining("expired");
        fixture.activeLicense("ABC-123", 5, end);
        assertThat(server.summary().licenses()).isEqualTo(5);

        fixture.clock.advance(Duration.ofDays(10));

        assertThat(server.summary().licenses()).isZero();
        assertThat(server.licenses().get(0).state()).isEqualTo(LicenseView.State.EXPIRED);
        assertThat(TestClient.named("CORP\\PC1").register(server))
                .isInstanceOf(dev.primary.protocol.message.CheckInAnswer.WaitingForSeat.class);
    }

    @Test
    void a_license_detail_lists_its_seats_with_state_and_last_refresh() {
        fixture.activeLicense("ABC-123", 5);
        TestClient.named("CORP\\PC1").register(server);
        server.reserve("CORP\\PC2", "", "admin");

        LicenseDetail detail = server.license("ABC-123");

        assertThat(detail.license().used()).isEqualTo(2);
        assertThat(detail.seats()).containsExactly(
                new LicenseDetail.Seat("CORP\\PC1", dev.primary.protocol.admin.ComputerState.LICENSED,
                        LicensingFixture.START),
                new LicenseDetail.Seat("CORP\\PC2", dev.primary.protocol.admin.ComputerState.RESERVED, null));
        assertThatThrownBy(() -> server.license("NOPE-1")).isInstanceOf(LicenseNotFoundException.class);
    }

    @Test
    void a_signed_license_file_with_invalid_terms_is_refused() {
        SignedDocument garbage = fixture.vendor.signed(SignedDocument.LICENSE,
                "{\"serial\":\"ABC-123\",\"seats\":0}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> server.importLicense(garbage, "admin"))
                .isInstanceOf(LicenseInvalidException.class)
                .hasMessageStartingWith("the license file's content is not valid: ");
    }
}
