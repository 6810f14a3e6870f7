package dev.primary.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.admin.ComputerQuery;
import dev.primary.protocol.admin.ComputerRemoval;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.EnrollmentTokenRequest;
import dev.primary.protocol.admin.EnrollmentTokenView;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.LeasePayload;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.server.PrimaryException;
import dev.primary.server.computer.Computer;
import dev.primary.server.testing.LicensingFixture;
import dev.primary.server.testing.TestClient;
import dev.primary.server.testing.WithLicensingFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdentityBindingTest extends WithLicensingFixture {
    private static final String ADMIN = "admin";
    private String token;
    private int opened;

    @BeforeEach
    void closedEnrollmentWithOneToken() {
        reopenWith(IdentityPolicy.DEFAULTS);
    }

    private void reopenWith(IdentityPolicy policy) {
        fixture.close();
        fixture = new LicensingFixture(directory.resolve("fixture-" + ++opened), policy);
        server = fixture.licensing();
        fixture.activeLicense("ABC-123", 2);
        token = server.createEnrollmentToken(new EnrollmentTokenRequest("fleet", 0, 0, ""), ADMIN).token();
    }

    private TestClient client(String name) {
        return TestClient.named(name).carrying(token);
    }

    private List<ComputerView> inState(ComputerState state) {
        return server.computers(ComputerQuery.all()).items().stream().filter(view -> view.state() == state).toList();
    }

    @Test
    void a_second_key_claiming_a_held_computer_gets_no_seat_and_is_shown_as_a_conflict() {
        TestClient holder = client("CORP\\PC17");
        holder.register(server);
        TestClient claimant = client("CORP\\PC17");

        assertThatThrownBy(() -> claimant.register(server))
                .isInstanceOf(ComputerHeldException.class)
                .hasMessageStartingWith("CORP\\PC17 is already held by client " + holder.clientId() + ", last contact ")
                .extracting(e -> ((PrimaryException) e).problemType()).isEqualTo(ProblemType.COMPUTER_HELD);

        assertThat(holder.verify(server)).as("the holder keeps its seat").isInstanceOf(CheckInAnswer.Licensed.class);
        assertThat(server.summary().used()).isEqualTo(1);
        List<ComputerView> conflicts = inState(ComputerState.CONFLICT);
        assertThat(conflicts).singleElement().satisfies(conflict -> {
            assertThat(conflict.clientId()).isEqualTo(claimant.clientId());
            assertThat(conflict.computer().display()).isEqualTo("CORP\\PC17");
            assertThat(conflict.reason()).contains("is already held by client " + holder.clientId())
                    .contains("primary-admin computer rekey CORP\\PC17");
        });
        assertThat(server.computer("CORP\\PC17").clientId()).as("a name finds the holder, not the claim")
                .isEqualTo(holder.clientId());
        assertThatThrownBy(() -> claimant.register(server)).as("asking again changes nothing")
                .isInstanceOf(ComputerHeldException.class);
        assertThat(inState(ComputerState.CONFLICT)).hasSize(1);
    }

    @Test
    void three_clients_with_one_name_hold_one_seat_and_two_conflicts() {
        List<Object> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TestClient copy = client("PC-SHARED");
            try {
                answers.add(copy.register(server));
            } catch (ComputerHeldException e) {
                answers.add(e.problemType());
            }
        }

        assertThat(answers).filteredOn(answer -> answer instanceof CheckInAnswer.Licensed).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer == ProblemType.COMPUTER_HELD).hasSize(2);
        assertThat(server.summary().used()).isEqualTo(1);
        assertThat(inState(ComputerState.CONFLICT)).hasSize(2);
    }

    @Test
    void rekey_lets_the_next_new_key_take_the_computer_over_once() {
        TestClient old = client("PC1");
        old.register(server);
        TestClient reimaged = client("PC1");
        assertThatThrownBy(() -> reimaged.register(server)).isInstanceOf(ComputerHeldException.class);

        server.rekey("PC1", "re-imaged", ADMIN);

        assertThat(reimaged.register(server)).isInstanceOf(CheckInAnswer.Licensed.class);
        assertThat(server.computer("PC1").clientId()).isEqualTo(reimaged.clientId());
        assertThat(inState(ComputerState.CONFLICT)).as("its earlier claim is gone").isEmpty();
        assertThat(server.summary().used()).isEqualTo(1);
        assertThatThrownBy(() -> client("PC1").register(server)).as("once only")
                .isInstanceOf(ComputerHeldException.class);
        assertThatThrownBy(() -> old.verify(server)).isInstanceOf(UnknownClientException.class);
        assertThatThrownBy(() -> old.register(server)).as("the old key now only claims it")
                .isInstanceOf(ComputerHeldException.class);
    }

    @Test
    void a_new_key_may_take_over_a_holder_silent_longer_than_the_takeover_period_when_so_configured() {
        reopenWith(new IdentityPolicy(false, Duration.ofDays(10), Duration.ofHours(2), Duration.ofHours(1)));
        client("PC1").register(server);
        TestClient replacement = client("PC1");
        fixture.clock.advance(Duration.ofDays(9));
        assertThatThrownBy(() -> replacement.register(server)).isInstanceOf(ComputerHeldException.class);

        fixture.clock.advance(Duration.ofDays(2));

        assertThat(replacement.register(server)).isInstanceOf(CheckInAnswer.Licensed.class);
        assertThat(server.audit(0, 10)).anySatisfy(entry -> assertThat(entry.detail()).contains("silent since"));
    }

    @Test
    void a_released_computer_may_be_taken_by_a_new_key() {
        client("PC1").register(server);
        server.release("PC1", "re-imaged", ADMIN);

        assertThat(client("PC1").register(server)).isInstanceOf(CheckInAnswer.Licensed.class);
    }

    @Test
    void a_revoked_key_gets_no_seat_under_any_name_domain_or_user_until_reinstated() {
        TestClient thief = client("CORP\\PC1");
        thief.register(server);
        server.revoke("CORP\\PC1", "stolen", ADMIN);

        for (String elsewhere : List.of("CORP\\PC2", "OTHER\\PC1", "PC1", "CORP\\PC1\\mallory")) {
            assertThat(thief.claiming(elsewhere).register(server)).as(elsewhere)
                    .isEqualTo(new CheckInAnswer.Revoked("revoked by admin: stolen", 3600));
        }
        assertThat(server.computers(ComputerQuery.all()).total()).as("nothing stored for those").isEqualTo(1);
        assertThat(server.summary().used()).isZero();

        server.reinstate("CORP\\PC1", "found", ADMIN);

        assertThat(thief.register(server)).isInstanceOf(CheckInAnswer.Licensed.class);
    }

    @Test
    void revoking_with_the_token_revokes_the_token_that_enrolled_the_computer() {
        TestClient client = client("PC1");
        client.register(server);

        server.revoke("PC1", "leaked token", true, ADMIN);

        assertThat(server.enrollmentTokens().get(0).state()).isEqualTo(EnrollmentTokenView.State.REVOKED);
        assertThatThrownBy(() -> client("PC2").register(server))
                .extracting(e -> ((PrimaryException) e).problemType()).isEqualTo(ProblemType.ENROLLMENT_TOKEN_REVOKED);
    }

    @Test
    void a_conflicting_key_cannot_verify_report_or_download() {
        client("PC1").register(server);
        TestClient claimant = client("PC1");
        assertThatThrownBy(() -> claimant.register(server)).isInstanceOf(ComputerHeldException.class);

        assertThatThrownBy(() -> claimant.verify(server)).isInstanceOf(ComputerHeldException.class);
        assertThatThrownBy(() -> claimant.report(server, "running")).isInstanceOf(UnknownClientException.class);
        assertThatThrownBy(() -> claimant.download(server, "0".repeat(64))).isInstanceOf(PrimaryException.class);
    }

    @Test
    void a_sequence_far_ahead_of_the_server_clock_is_refused_before_anything_is_stored() {
        TestClient client = client("PC1");
        RegisterRequest request = client.registerRequest();
        long yearsAhead = fixture.clock.instant().plus(Duration.ofDays(3650)).toEpochMilli();

        assertThatThrownBy(() -> server.register(client.credentialsAt("/v1/register", request, yearsAhead), request))
                .isInstanceOf(SequenceAheadException.class)
                .hasMessageContaining("more than 1 hour ahead of this server's clock")
                .extracting(e -> ((PrimaryException) e).problemType()).isEqualTo(ProblemType.SEQUENCE_AHEAD);
        assertThat(fixture.knowsClient(client.clientId())).isFalse();

        long withinMargin = fixture.clock.instant().plus(Duration.ofMinutes(59)).toEpochMilli();
        assertThat(server.register(client.credentialsAt("/v1/register", request, withinMargin), request))
                .isInstanceOf(CheckInAnswer.Licensed.class);
    }

    @Test
    void the_next_check_in_never_falls_after_the_lease_expires() {
        CheckInAnswer.Licensed licensed = (CheckInAnswer.Licensed) client("PC1").register(server);
        assertThat(licensed.verifyAfterSeconds()).as("four hours within a week's lease").isEqualTo(4 * 3600);
        Computer computer = fixture.store().read(reads -> reads.computersNamed("PC1").get(0));
        LeasePayload anHour = new LeasePayload("lease-1", LicensingFixture.SERVER_ID, computer.clientId(),
                computer.identity(), "ABC-123", List.of(), LicensingFixture.START, LicensingFixture.START.plusSeconds(1800),
                LicensingFixture.START.plusSeconds(3600));

        assertThat(CheckIns.verifyAfter(computer, anHour.expiresAt(), LicensingFixture.START)).as("half-way to an hour's lease")
                .isEqualTo(1800);
    }

    @Test
    void waiting_computers_that_stop_asking_leave_the_queue_and_silent_conflicts_go() {
        client("PC1").register(server);
        client("PC2").register(server);
        TestClient waiting = client("PC3");
        assertThat(waiting.register(server)).isInstanceOf(CheckInAnswer.WaitingForSeat.class);
        assertThatThrownBy(() -> client("PC1").register(server)).isInstanceOf(ComputerHeldException.class);
        fixture.clock.advance(Duration.ofMinutes(119));
        assertThat(server.expireSilent("system")).isZero();

        fixture.clock.advance(Duration.ofMinutes(2));

        assertThat(server.expireSilent("system")).isEqualTo(2);
        assertThat(server.computer("PC3").state()).isEqualTo(ComputerState.RELEASED);
        assertThat(server.computer("PC3").reason()).contains("left the queue after 2 hours without contact");
        assertThat(inState(ComputerState.CONFLICT)).isEmpty();
        assertThat(server.summary().waiting()).isZero();
        assertThat(waiting.register(server)).as("back again: it queues anew, with no token needed")
                .isInstanceOf(CheckInAnswer.WaitingForSeat.class);
    }

    @Test
    void waiting_computers_are_removed_in_bulk_by_token_and_silence_each_audited() {
        client("PC1").register(server);
        client("PC2").register(server);
        String flood = server.createEnrollmentToken(new EnrollmentTokenRequest("stolen", 0, 0, ""), ADMIN).token();
        String floodId = flood.substring(0, flood.indexOf('.'));
        for (int i = 0; i < 30; i++) {
            TestClient.named("FAKE" + i).carrying(flood).register(server);
        }
        TestClient real = client("REAL1");
        real.register(server);
        fixture.clock.advance(Duration.ofMinutes(10));
        real.register(server);

        int removed = server.removeComputers(new ComputerRemoval(ComputerState.WAITING, 300, floodId), ADMIN).removed();

        assertThat(removed).isEqualTo(30);
        assertThat(inState(ComputerState.WAITING)).extracting(view -> view.computer().display()).containsExactly("REAL1");
        assertThat(server.audit(0, 100)).filteredOn(entry -> entry.action().equals("computer.removed")).hasSize(30);
        assertThat(server.removeComputers(new ComputerRemoval(ComputerState.WAITING, 0, ""), ADMIN).removed())
                .isEqualTo(1);
    }

    @Test
    void a_flood_with_a_stolen_token_takes_no_held_seat_and_shows_per_token_and_per_source() {
        TestClient real = client("REAL1");
        real.reachableAt("10.0.0.5", 0);
        real.register(server);
        String stolen = server.createEnrollmentToken(new EnrollmentTokenRequest("stolen", 0, 0, ""), ADMIN).token();
        for (int i = 0; i < 200; i++) {
            TestClient fake = TestClient.named(i % 2 == 0 ? "REAL1" : "FAKE" + i).carrying(stolen);
            fake.reachableAt("192.0.2.66", 0);
            try {
                fake.register(server);
            } catch (ComputerHeldException expected) {
                // a squatter on the real computer's name: recorded as a conflict
            }
        }

        assertThat(real.verify(server)).isInstanceOf(CheckInAnswer.Licensed.class);
        assertThat(server.computer("REAL1").clientId()).isEqualTo(real.clientId());
        assertThat(server.enrollmentTokens()).filteredOn(view -> view.label().equals("stolen"))
                .singleElement().extracting(EnrollmentTokenView::enrolled).isEqualTo(100);
        assertThat(server.enrollmentSources(5, Map.of("198.51.100.9", 40L)))
                .extracting(source -> source.address() + "=" + source.enrolled() + "/" + source.limited())
                .containsExactly("192.0.2.66=200/0", "198.51.100.9=0/40", "10.0.0.5=1/0");
    }
}
