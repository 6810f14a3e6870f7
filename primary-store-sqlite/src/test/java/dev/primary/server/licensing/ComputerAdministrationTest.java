package dev.primary.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.admin.AuditEntry;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.LicenseSummary;
import dev.primary.protocol.admin.ReclaimResult;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;
import dev.primary.server.computer.AmbiguousComputerException;
import dev.primary.server.computer.ComputerNotFoundException;
import dev.primary.server.computer.ComputerStateConflictException;
import dev.primary.server.testing.LicensingFixture;
import dev.primary.server.testing.TestClient;
import dev.primary.server.testing.WithLicensingFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComputerAdministrationTest extends WithLicensingFixture {
    @Test
    void reserve_holds_a_seat_for_a_computer_whose_client_is_not_installed_yet() {
        fixture.activeLicense("ABC-123", 2);

        ComputerView reserved = server.reserve("CORP\\PC5", "new hire", "admin");

        assertThat(reserved.state()).isEqualTo(ComputerState.RESERVED);
        assertThat(reserved.clientId()).isNull();
        assertThat(reserved.reason()).isEqualTo("seat of ABC-123 reserved by admin: new hire; client not installed yet");
        assertThat(reserved.recorder()).isEqualTo("V 0.0 (0000)");
        assertThat(server.summary()).isEqualTo(new LicenseSummary(2, 1, 0, 1, 0));
        assertThat(server.license("ABC-123").seats()).extracting(seat -> seat.computer(), seat -> seat.state())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CORP\\PC5", ComputerState.RESERVED));
        assertThat(TestClient.named("CORP\\PC5").register(server)).isInstanceOf(CheckInAnswer.Licensed.class);
        assertThat(server.summary()).isEqualTo(new LicenseSummary(2, 1, 1, 0, 0));
    }

    @Test
    void reserving_for_a_computer_that_holds_a_seat_is_a_conflict() {
        fixture.activeLicense("ABC-123", 2);
        TestClient.named("CORP\\PC1").register(server);

        assertThatThrownBy(() -> server.reserve("CORP\\PC1", "", "admin"))
                .isInstanceOf(ComputerStateConflictException.class)
                .hasMessage("CORP\\PC1 already holds a seat of ABC-123 (licensed); nothing to reserve");
    }

    @Test
    void reserving_while_every_seat_is_in_use_says_no_seat_is_free() {
        fixture.activeLicense("ABC-123", 1);
        TestClient.named("CORP\\PC1").register(server);

        assertThatThrownBy(() -> server.reserve("CORP\\PC2", "", "admin"))
                .isInstanceOf(NoFreeSeatException.class)
                .hasMessage("no seat is free: the only seat is in use")
                .extracting(e -> ((PrimaryException) e).problemType()).isEqualTo(ProblemType.NO_SEATS);
    }

    @Test
    void reserving_for_a_waiting_computer_needs_a_free_seat_and_unlocking_one_licenses_it() {
        TestClient waiting = TestClient.named("CORP\\PC1");
        waiting.register(server);
        fixture.licensing().importLicense(fixture.vendor.license("ABC-123", 1,
                LicensingFixture.START.minusSeconds(60), null), "admin");
        // Pending: no seat yet, so the reservation has none to give.
        assertThatThrownBy(() -> server.reserve("CORP\\PC1", "", "admin")).isInstanceOf(NoFreeSeatException.class);

        fixture.unlock("ABC-123");

        assertThat(fixture.view(waiting).state()).isEqualTo(ComputerState.LICENSED);
        assertThat(waiting.register(server)).isInstanceOf(CheckInAnswer.Licensed.class);
    }

    @Test
    void release_frees_the_seat_for_the_oldest_waiting_computer_and_the_released_one_must_wait() {
        fixture.activeLicense("ABC-123", 1);
        TestClient holder = TestClient.named("CORP\\PC1");
        holder.register(server);
        TestClient waiting = TestClient.named("CORP\\PC2");
        waiting.register(server);

        ComputerView released = server.release("PC1", "re-imaged", "admin");

        assertThat(released.state()).isEqualTo(ComputerState.RELEASED);
        assertThat(released.reason()).isEqualTo("seat released by admin: re-imaged");
        assertThat(released.licenseSerial()).isNull();
        assertThat(waiting.register(server)).isInstanceOf(CheckInAnswer.Licensed.class);
        assertThat(holder.verify(server)).as("its lease is no longer renewed")
                .isInstanceOf(CheckInAnswer.WaitingForSeat.class);
        assertThatThrownBy(() -> server.release("CORP\\PC3", "", "admin"))
                .isInstanceOf(ComputerNotFoundException.class)
                .hasMessage("no computer named CORP\\PC3 is known to this server");
    }

    @Test
    void releasing_a_computer_without_a_seat_is_a_conflict() {
        fixture.activeLicense("ABC-123", 1);
        TestClient.named("CORP\\PC1").register(server);
        server.release("CORP\\PC1", "", "admin");

        assertThatThrownBy(() -> server.release("CORP\\PC1", "", "admin"))
                .isInstanceOf(ComputerStateConflictException.class)
                .hasMessage("CORP\\PC1 holds no seat (released); nothing to release");
    }

    @Test
    void releasing_a_reservation_cancels_it() {
        fixture.activeLicense("ABC-123", 1);
        server.reserve("PC5", "", "admin");

        server.release("PC5", "plans changed", "admin");

        assertThat(server.summary()).isEqualTo(new LicenseSummary(1, 0, 0, 0, 0));
        assertThatThrownBy(() -> server.computer("PC5")).isInstanceOf(ComputerNotFoundException.class);
        assertThat(server.audit(0, 1).get(0).detail()).isEqualTo("reservation of ABC-123 cancelled by admin: plans changed");
    }

    @Test
    void a_revoked_computer_is_refused_until_reinstated_and_then_registers_anew() {
        fixture.activeLicense("ABC-123", 1);
        TestClient client = TestClient.named("CORP\\PC1");
        client.register(server);

        ComputerView revoked = server.revoke("CORP\\PC1", "stolen laptop", "admin");

        assertThat(revoked.state()).isEqualTo(ComputerState.REVOKED);
        assertThat(revoked.reason()).isEqualTo("revoked by admin: stolen laptop");
        assertThat(server.summary().used()).isZero();
        assertThat(client.verify(server)).isEqualTo(new CheckInAnswer.Revoked("revoked by admin: stolen laptop", 3600));
        assertThatThrownBy(() -> TestClient.named("CORP\\PC1").register(server))
                .as("a reinstall does not escape a revocation").isInstanceOf(ComputerHeldException.class);
        assertThat(client.claiming("CORP\\PC2").register(server)).as("nor does the revoked key under another name")
                .isEqualTo(new CheckInAnswer.Revoked("revoked by admin: stolen laptop", 3600));
        assertThatThrownBy(() -> server.revoke("CORP\\PC1", "", "admin"))
                .isInstanceOf(ComputerStateConflictException.class);

        ComputerView reinstated = server.reinstate("CORP\\PC1", "found", "admin");

        assertThat(reinstated.state()).isEqualTo(ComputerState.RELEASED);
        assertThat(reinstated.reason()).isEqualTo("reinstated by admin: found; it registers anew at its next contact");
        assertThat(client.register(server)).isInstanceOf(CheckInAnswer.Licensed.class);
        assertThatThrownBy(() -> server.reinstate("CORP\\PC1", "", "admin"))
                .isInstanceOf(ComputerStateConflictException.class)
                .hasMessageContaining("is not revoked");
    }

    @Test
    void seats_of_computers_silent_for_30_days_are_reclaimed_for_waiting_ones_but_reservations_are_kept() {
        fixture.activeLicense("ABC-123", 3);
        TestClient silent = TestClient.named("CORP\\PC1");
        silent.register(server);
        TestClient active = TestClient.named("CORP\\PC2");
        active.register(server);
        server.reserve("CORP\\PC3", "", "admin");
        TestClient waiting = TestClient.named("CORP\\PC4");
        waiting.register(server);

        for (int day = 1; day <= 31; day++) {
            fixture.clock.advance(Duration.ofDays(1));
            active.verify(server);
            waiting.register(server);
        }
        ReclaimResult result = server.reclaimSilent("system");

        assertThat(result.reclaimed()).containsExactly("CORP\\PC1");
        assertThat(result.seatsGrantedToWaiting()).isEqualTo(1);
        ComputerView view = fixture.view(silent);
        assertThat(view.state()).isEqualTo(ComputerState.RECLAIMED);
        assertThat(view.reason()).isEqualTo(
                "seat reclaimed after 30 days without contact (last contact 2026-12-01 10:00 UTC)");
        assertThat(server.computer("CORP\\PC3").state()).isEqualTo(ComputerState.RESERVED);
        assertThat(waiting.register(server)).isInstanceOf(CheckInAnswer.Licensed.class);
        assertThat(server.reclaimSilent("system").reclaimed()).isEmpty();
        assertThat(silent.verify(server)).as("a reclaimed computer that returns registers anew, and waits")
                .isInstanceOf(CheckInAnswer.WaitingForSeat.class);
    }

    @Test
    void nothing_is_reclaimed_when_reclaiming_is_off() {
        fixture.close();
        fixture = new LicensingFixture(directory, Duration.ZERO);
        server = fixture.licensing();
        fixture.activeLicense("ABC-123", 1);
        TestClient.named("CORP\\PC1").register(server);
        fixture.clock.advance(Duration.ofDays(400));

        assertThat(server.reclaimSilent("system").reclaimed()).isEmpty();
        assertThat(server.summary().used()).isEqualTo(1);
    }

    @Test
    void a_bare_name_in_two_domains_is_ambiguous_and_the_domain_settles_it() {
        fixture.activeLicense("ABC-123", 2);
        TestClient.named("CORP\\PC1").register(server);
        TestClient.named("LAB\\PC1").register(server);

        assertThatThrownBy(() -> server.computer("pc1"))
                .isInstanceOf(AmbiguousComputerException.class)
                .hasMessage("pc1 matches 2 computers (CORP\\PC1, LAB\\PC1); name the domain, e.g. CORP\\PC1");
        assertThat(server.computer("lab\\pc1").computer().domain()).isEqualTo("LAB");
        assertThatThrownBy(() -> server.computer("A\\B\\C\\D")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void verify_license_moves_a_seat_off_an_expired_license() {
        fixture.activeLicense("SHORT-1", 1, LicensingFixture.START.plus(Duration.ofDays(2)));
        TestClient client = TestClient.named("CORP\\PC1");
        client.register(server);
        fixture.activeLicense("LONG-1", 1);
        fixture.clock.advance(Duration.ofDays(3));

        ComputerView view = server.verifyLicense("CORP\\PC1", "admin");

        assertThat(view.licenseSerial()).isEqualTo("LONG-1");
        assertThat(view.state()).isEqualTo(ComputerState.LICENSED);
        assertThat(server.licenses()).extracting(license -> license.serial(), license -> license.used())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("LONG-1", 1),
                        org.assertj.core.groups.Tuple.tuple("SHORT-1", 0));
    }

    @Test
    void every_change_is_audited_newest_first_with_its_actor() {
        fixture.activeLicense("ABC-123", 1);
        TestClient client = TestClient.named("CORP\\PC1");
        client.register(server);
        TestClient.named("CORP\\PC2").register(server);
        server.revoke("CORP\\PC1", "stolen", "alice");
        server.reinstate("CORP\\PC1", "", "alice");

        List<AuditEntry> trail = server.audit(0, 100);

        assertThat(trail).extracting(AuditEntry::action).containsExactly("computer.reinstated", "seat.granted",
                "computer.revoked", "seat.waiting", "seat.granted", "license.unlocked", "license.imported");
        assertThat(trail.get(0).actor()).isEqualTo("alice");
        assertThat(trail.get(4).actor()).isEqualTo("client:" + client.clientId());
        assertThat(trail.get(4).subject()).isEqualTo("CORP\\PC1");
        assertThat(trail).extracting(AuditEntry::id).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(server.audit(trail.get(1).id(), 2)).containsExactly(trail.get(2), trail.get(3));
        assertThat(trail).allSatisfy(entry -> assertThat(entry.detail()).doesNotContain("/"));
    }

    @Test
    void the_search_finds_a_computer_by_the_name_it_has_now_after_its_reservation_is_claimed_under_a_domain() {
        fixture.activeLicense("ABC-123", 2);
        server.reserve("ZULU7", "", "admin");
        java.util.function.Function<String, java.util.List<String>> search = text -> server.computers(
                new dev.primary.protocol.admin.ComputerQuery(text, null, dev.primary.protocol.admin.ComputerQuery.Sort.NAME,
                        false, 0, 100)).items().stream().map(view -> view.computer().display()).toList();
        assertThat(search.apply("zulu")).containsExactly("ZULU7");

        TestClient.named("BRANCH\\ZULU7").register(server);

        assertThat(search.apply("branch\\zu")).containsExactly("BRANCH\\ZULU7");
        assertThat(search.apply("ulu7")).as("one row, indexed once").containsExactly("BRANCH\\ZULU7");
    }
}
