package dev.primary.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.ComputerQuery;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.LicenseSummary;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.LeasePayload;
import dev.primary.server.testing.LicensingFixture;
import dev.primary.server.testing.TestClient;
import dev.primary.server.testing.WithLicensingFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeatQueueTest extends WithLicensingFixture {
    private List<TestClient> registered(int count, String prefix) {
        List<TestClient> clients = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            TestClient client = TestClient.named("CORP\\" + prefix + i);
            client.register(server);
            clients.add(client);
            fixture.clock.advance(Duration.ofSeconds(1));
        }
        return clients;
    }

    private static String serialOf(CheckInAnswer answer) {
        SignedDocument lease = ((CheckInAnswer.Licensed) answer).lease();
        return Json.read(lease.unverifiedPayload(), LeasePayload.class).licenseSerial();
    }

    @Test
    void when_seats_run_out_a_client_waits_with_its_place_in_line() {
        fixture.activeLicense("ABC-123", 2);
        registered(2, "PC");
        TestClient third = TestClient.named("CORP\\PC3");
        TestClient fourth = TestClient.named("CORP\\PC4");

        CheckInAnswer thirdAnswer = third.register(server);
        CheckInAnswer fourthAnswer = fourth.register(server);

        assertThat(thirdAnswer).isEqualTo(new CheckInAnswer.WaitingForSeat(
                "all 2 seats of 1 license are in use (1st in line)", 60, 1));
        assertThat(fourthAnswer).isEqualTo(new CheckInAnswer.WaitingForSeat(
                "all 2 seats of 1 license are in use (2nd in line)", 60, 2));
        assertThat(fixture.view(fourth).state()).isEqualTo(ComputerState.WAITING);
        assertThat(fixture.view(fourth).reason())
                .isEqualTo("waiting for a seat: all 2 seats of 1 license are in use (2nd in line)");
        assertThat(server.summary()).isEqualTo(new LicenseSummary(2, 2, 2, 0, 2));
        assertThat(third.register(server)).as("asking again keeps its place")
                .isEqualTo(new CheckInAnswer.WaitingForSeat("all 2 seats of 1 license are in use (1st in line)", 60, 1));
    }

    @Test
    void a_page_of_waiting_computers_in_another_order_shows_each_ones_own_place_in_line() {
        fixture.activeLicense("ABC-123", 2);
        registered(2, "PC");
        registered(6, "Q");

        List<String> reasons = server.computers(new ComputerQuery("Q", ComputerState.WAITING, ComputerQuery.Sort.NAME,
                true, 0, 100)).items().stream().map(view -> view.computer().computerName() + ": " + view.reason()).toList();

        assertThat(reasons).containsExactly(
                "Q6: waiting for a seat: all 2 seats of 1 license are in use (6th in line)",
                "Q5: waiting for a seat: all 2 seats of 1 license are in use (5th in line)",
                "Q4: waiting for a seat: all 2 seats of 1 license are in use (4th in line)",
                "Q3: waiting for a seat: all 2 seats of 1 license are in use (3rd in line)",
                "Q2: waiting for a seat: all 2 seats of 1 license are in use (2nd in line)",
                "Q1: waiting for a seat: all 2 seats of 1 license are in use (1st in line)");
    }

    @Test
    void a_client_waits_while_no_license_is_active_and_is_told_why() {
        CheckInAnswer answer = TestClient.named("CORP\\PC1").register(server);

        assertThat(answer).isInstanceOf(CheckInAnswer.WaitingForSeat.class);
        assertThat(((CheckInAnswer.WaitingForSeat) answer).reason())
                .isEqualTo("no license is active (import a license and unlock it) (1st in line)");
    }

    @Test
    void a_released_seat_goes_to_the_oldest_waiting_computer_whoever_asks_first() {
        fixture.activeLicense("ABC-123", 2);
        List<TestClient> holders = registered(2, "PC");
        List<TestClient> waiting = registered(3, "WAIT");

        server.release("CORP\\PC1", "decommissioned", "admin");

        assertThat(waiting.get(2).register(server)).as("a newer waiting computer asking first")
                .isInstanceOf(CheckInAnswer.WaitingForSeat.class);
        assertThat(((CheckInAnswer.WaitingForSeat) waiting.get(1).register(server)).queuePosition()).isEqualTo(1);
        assertThat(fixture.view(waiting.get(0)).reason())
                .isEqualTo("seat granted under ABC-123; the lease is issued at its next check-in");
        assertThat(waiting.get(0).register(server)).isInstanceOf(CheckInAnswer.Licensed.class);
        assertThat(fixture.view(waiting.get(0)).state()).isEqualTo(ComputerState.LICENSED);
        assertThat(holders.get(1).verify(server)).isInstanceOf(CheckInAnswer.Licensed.class);
        assertThat(server.summary()).isEqualTo(new LicenseSummary(2, 2, 2, 0, 2));
    }

    @Test
    void unlocking_a_license_licenses_the_waiting_computers_in_order() {
        List<TestClient> waiting = registered(3, "PC");

        fixture.activeLicense("ABC-123", 2);

        assertThat(waiting.get(0).register(server)).isInstanceOf(CheckInAnswer.Licensed.class);
        assertThat(waiting.get(1).register(server)).isInstanceOf(CheckInAnswer.Licensed.class);
        assertThat(waiting.get(2).register(server)).isInstanceOf(CheckInAnswer.WaitingForSeat.class);
        assertThat(server.summary().waiting()).isEqualTo(1);
    }

    @Test
    void seats_come_from_the_license_expiring_first_and_perpetual_licenses_last() {
        fixture.activeLicense("PERPETUAL-1", 1);
        fixture.activeLicense("YEARLY-1", 1, LicensingFixture.START.plus(Duration.ofDays(365)));

        assertThat(serialOf(TestClient.named("CORP\\PC1").register(server))).isEqualTo("YEARLY-1");
        assertThat(serialOf(TestClient.named("CORP\\PC2").register(server))).isEqualTo("PERPETUAL-1");
    }

    @Test
    void an_expired_license_stops_counting_and_its_holders_move_to_another_license() {
        Instant end = LicensingFixture.START.plus(Duration.ofDays(3));
        fixture.activeLicense("SHORT-1", 1, end);
        TestClient client = TestClient.named("CORP\\PC1");
        assertThat(serialOf(client.register(server))).isEqualTo("SHORT-1");
        fixture.activeLicense("LONG-1", 1);

        fixture.clock.advance(Duration.ofDays(4));
        assertThat(server.summary().licenses()).isEqualTo(1);

        assertThat(serialOf(client.verify(server))).isEqualTo("LONG-1");
        assertThat(server.audit(0, 1).get(0).action()).isEqualTo("seat.moved");
        assertThat(server.summary()).isEqualTo(new LicenseSummary(1, 1, 1, 0, 0));
    }

    @Test
    void holders_of_an_expired_license_wait_when_no_other_seat_is_free() {
        Instant end = LicensingFixture.START.plus(Duration.ofDays(3));
        fixture.activeLicense("SHORT-1", 1, end);
        TestClient client = TestClient.named("CORP\\PC1");
        client.register(server);

        fixture.clock.advance(Duration.ofDays(4));
        CheckInAnswer answer = client.verify(server);

        assertThat(answer).isInstanceOf(CheckInAnswer.WaitingForSeat.class);
        assertThat(((CheckInAnswer.WaitingForSeat) answer).reason())
                .isEqualTo("no license is active (import a license and unlock it) (1st in line);"
                        + " its license SHORT-1 expired 2026-12-04 10:00 UTC");
        assertThat(server.licenses().get(0).used()).isZero();
    }

    @Test
    void a_reservation_without_a_domain_is_claimed_by_a_client_of_any_domain() {
        fixture.activeLicense("ABC-123", 1);
        server.reserve("PC7", "new hire", "admin");

        CheckInAnswer answer = TestClient.named("LAB\\pc7").register(server);

        assertThat(answer).isInstanceOf(CheckInAnswer.Licensed.class);
        assertThat(server.computer("LAB\\PC7").state()).isEqualTo(ComputerState.LICENSED);
        assertThat(server.computer("PC7").computer().domain()).isEqualTo("LAB");
        assertThat(server.summary()).isEqualTo(new LicenseSummary(1, 1, 1, 0, 0));
        assertThat(server.audit(0, 1).get(0).action()).isEqualTo("seat.claimed");
    }

    @Test
    void a_reservation_with_a_domain_is_not_claimed_by_another_domain() {
        fixture.activeLicense("ABC-123", 1);
        server.reserve("CORP\\PC7", "", "admin");

        CheckInAnswer answer = TestClient.named("LAB\\PC7").register(server);

        assertThat(answer).isInstanceOf(CheckInAnswer.WaitingForSeat.class);
        assertThat(server.computer("CORP\\PC7").state()).isEqualTo(ComputerState.RESERVED);
        assertThat(server.computer("CORP\\PC7").reason())
                .isEqualTo("seat of ABC-123 reserved by admin; client not installed yet");
    }

    @Test
    void seat_grants_survive_a_restart() {
        fixture.activeLicense("ABC-123", 1);
        TestClient holder = TestClient.named("CORP\\PC1");
        holder.register(server);
        TestClient waiting = TestClient.named("CORP\\PC2");
        waiting.register(server);

        fixture.reopen();
        server = fixture.licensing();

        assertThat(server.summary()).isEqualTo(new LicenseSummary(1, 1, 1, 0, 1));
        assertThat(holder.verify(server)).isInstanceOf(CheckInAnswer.Licensed.class);
        assertThat(waiting.register(server)).isInstanceOf(CheckInAnswer.WaitingForSeat.class);
    }
}
