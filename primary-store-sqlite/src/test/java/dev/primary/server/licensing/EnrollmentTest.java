package dev.primary.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.admin.ComputerQuery;
import dev.primary.protocol.admin.CreatedEnrollmentToken;
import dev.primary.protocol.admin.EnrollmentTokenRequest;
import dev.primary.protocol.admin.EnrollmentTokenView;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.EnrollmentCheck;
import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;
import dev.primary.server.enrollment.EnrollmentTokenNotFoundException;
import dev.primary.server.testing.LicensingFixture;
import dev.primary.server.testing.TestClient;
import dev.primary.server.testing.WithLicensingFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrollmentTest extends WithLicensingFixture {
    private static final String ADMIN = "admin";

    @BeforeEach
    void closedEnrollment() {
        fixture.close();
        fixture = new LicensingFixture(directory.resolve("closed"), IdentityPolicy.DEFAULTS);
        server = fixture.licensing();
        fixture.activeLicense("ABC-123", 10);
    }

    private String token(int uses, Duration expiresIn, String group) {
        return server.createEnrollmentToken(new EnrollmentTokenRequest("lab", uses, expiresIn.toSeconds(), group),
                ADMIN).token();
    }

    /** Asserts that registering {@code client} is refused with {@code type} and leaves no trace in the store. */
    private void assertRefusedWithNothingStored(TestClient client, ProblemType type) {
        long auditBefore = server.audit(0, 1000).size();
        assertThatThrownBy(() -> client.register(server))
                .isInstanceOf(PrimaryException.class)
                .extracting(e -> ((PrimaryException) e).problemType()).isEqualTo(type);
        assertThat(type.status()).isEqualTo(401);
        assertThat(server.computers(ComputerQuery.all()).total()).as("no computer stored").isZero();
        assertThat(fixture.knowsClient(client.clientId())).as("no client stored").isFalse();
        assertThat(server.audit(0, 1000)).as("nothing audited").hasSize((int) auditBefore);
    }

    @Test
    void a_registration_without_a_token_is_refused_and_stores_nothing() {
        assertRefusedWithNothingStored(TestClient.named("CORP\\PC1"), ProblemType.ENROLLMENT_TOKEN_REQUIRED);
    }

    @Test
    void a_token_this_server_did_not_issue_or_with_a_wrong_secret_is_refused_as_invalid() {
        String real = token(0, Duration.ofDays(1), "");
        String wrongSecret = real.substring(0, real.indexOf('.') + 1) + "A".repeat(43);

        assertRefusedWithNothingStored(TestClient.named("PC1").carrying(wrongSecret), ProblemType.ENROLLMENT_TOKEN_INVALID);
        assertRefusedWithNothingStored(TestClient.named("PC1").carrying("abcdefgh." + "B".repeat(43)),
                ProblemType.ENROLLMENT_TOKEN_INVALID);
        assertRefusedWithNothingStored(TestClient.named("PC1").carrying("not a token"), ProblemType.ENROLLMENT_TOKEN_INVALID);
    }

    @Test
    void a_token_with_two_uses_enrolls_two_computers_and_refuses_the_third() {
        String token = token(2, Duration.ofDays(1), "");

        assertThat(TestClient.named("PC1").carrying(token).register(server)).isInstanceOf(CheckInAnswer.Licensed.class);
        assertThat(TestClient.named("PC2").carrying(token).register(server)).isInstanceOf(CheckInAnswer.Licensed.class);
        long computers = server.computers(ComputerQuery.all()).total();
        assertThatThrownBy(() -> TestClient.named("PC3").carrying(token).register(server))
                .isInstanceOf(PrimaryException.class)
                .hasMessageContaining("has enrolled all 2 computers it allows")
                .extracting(e -> ((PrimaryException) e).problemType()).isEqualTo(ProblemType.ENROLLMENT_TOKEN_USED_UP);

        assertThat(server.computers(ComputerQuery.all()).total()).isEqualTo(computers);
        EnrollmentTokenView view = server.enrollmentTokens().get(0);
        assertThat(view.enrolled()).isEqualTo(2);
        assertThat(view.usesLeft()).isZero();
        assertThat(view.state()).isEqualTo(EnrollmentTokenView.State.USED_UP);
    }

    @Test
    void an_expired_token_is_refused_at_the_check_and_at_registration() {
        String token = token(0, Duration.ofHours(1), "");
        fixture.clock.advance(Duration.ofHours(1));

        assertThatThrownBy(() -> server.checkEnrollment(new EnrollmentCheck(token)))
                .extracting(e -> ((PrimaryException) e).problemType()).isEqualTo(ProblemType.ENROLLMENT_TOKEN_EXPIRED);
        assertRefusedWithNothingStored(TestClient.named("PC1").carrying(token), ProblemType.ENROLLMENT_TOKEN_EXPIRED);
    }

    @Test
    void a_revoked_token_is_refused_at_the_check_and_at_registration_but_its_computers_keep_their_seats() {
        String token = token(0, Duration.ofDays(1), "");
        TestClient enrolled = TestClient.named("PC1").carrying(token);
        enrolled.register(server);
        String id = server.enrollmentTokens().get(0).id();

        EnrollmentTokenView revoked = server.revokeEnrollmentToken(id, ADMIN);

        assertThat(revoked.state()).isEqualTo(EnrollmentTokenView.State.REVOKED);
        assertThatThrownBy(() -> server.checkEnrollment(new EnrollmentCheck(token)))
                .extracting(e -> ((PrimaryException) e).problemType()).isEqualTo(ProblemType.ENROLLMENT_TOKEN_REVOKED);
        assertThatThrownBy(() -> TestClient.named("PC2").carrying(token).register(server))
                .extracting(e -> ((PrimaryException) e).problemType()).isEqualTo(ProblemType.ENROLLMENT_TOKEN_REVOKED);
        assertThat(enrolled.verify(server)).isInstanceOf(CheckInAnswer.Licensed.class);
        assertThatThrownBy(() -> server.revokeEnrollmentToken("zzzzzzzz", ADMIN))
                .isInstanceOf(EnrollmentTokenNotFoundException.class);
    }

    @Test
    void checking_a_token_tells_what_it_allows_and_uses_nothing_up() {
        String token = token(3, Duration.ofDays(2), "wing-b");

        var answer = server.checkEnrollment(new EnrollmentCheck(token));

        assertThat(answer.group()).isEqualTo("wing-b");
        assertThat(answer.usesLeft()).isEqualTo(3);
        assertThat(answer.expiresAt()).isEqualTo(LicensingFixture.START.plus(Duration.ofDays(2)));
        assertThat(server.enrollmentTokens().get(0).enrolled()).isZero();
    }

    @Test
    void the_group_of_a_token_is_given_to_the_computers_it_enrolls() {
        String token = token(0, Duration.ofDays(1), "wing-b");
        TestClient client = TestClient.named("PC1").carrying(token);

        client.register(server);

        assertThat(fixture.view(client).group()).isEqualTo("wing-b");
    }

    @Test
    void a_known_client_registers_again_without_a_token_and_uses_no_more_of_it() {
        fixture.close();
        fixture = new LicensingFixture(directory.resolve("no-license"), IdentityPolicy.DEFAULTS);
        server = fixture.licensing();
        String token = token(1, Duration.ofDays(1), "");
        TestClient waiting = TestClient.named("PC1").carrying(token);

        assertThat(waiting.register(server)).as("no license yet: it waits").isInstanceOf(CheckInAnswer.WaitingForSeat.class);
        server.revokeEnrollmentToken(server.enrollmentTokens().get(0).id(), ADMIN);
        TestClient sameKeyNoToken = waiting.carrying("");
        assertThat(sameKeyNoToken.register(server)).as("asking again a minute later")
                .isInstanceOf(CheckInAnswer.WaitingForSeat.class);
        assertThat(server.enrollmentTokens().get(0).enrolled()).isEqualTo(1);
    }

    @Test
    void a_known_key_claiming_another_computer_needs_a_token_for_it() {
        String token = token(1, Duration.ofDays(1), "");
        TestClient client = TestClient.named("PC1").carrying(token);
        client.register(server);

        assertThatThrownBy(() -> client.claiming("PC2").register(server))
                .extracting(e -> ((PrimaryException) e).problemType()).isEqualTo(ProblemType.ENROLLMENT_TOKEN_USED_UP);
        assertThat(client.claiming("\\PC1\\alice").register(server)).as("another user of the same host")
                .isInstanceOf(CheckInAnswer.Licensed.class);
    }

    @Test
    void open_enrollment_lets_a_client_register_without_a_token() {
        fixture.close();
        fixture = new LicensingFixture(directory.resolve("open"), IdentityPolicy.DEFAULTS.withOpenEnrollment(true));
        server = fixture.licensing();
        fixture.activeLicense("ABC-123", 1);

        assertThat(TestClient.named("PC1").register(server)).isInstanceOf(CheckInAnswer.Licensed.class);
    }

    @Test
    void the_secret_is_shown_once_and_stored_only_as_its_hash() throws Exception {
        CreatedEnrollmentToken created = server.createEnrollmentToken(
                new EnrollmentTokenRequest("lab", 0, 0, ""), ADMIN);
        String secret = created.token().substring(created.token().indexOf('.') + 1);
        fixture.close();

        String database = new String(Files.readAllBytes(fixture.databaseFile), StandardCharsets.ISO_8859_1);
        assertThat(created.token()).startsWith(created.view().id() + ".");
        assertThat(database).contains(created.view().id()).doesNotContain(secret);
        fixture = new LicensingFixture(directory.resolve("closed"), IdentityPolicy.DEFAULTS);
        server = fixture.licensing();
    }

    @Test
    void the_token_list_shows_uses_left_expiry_enrolled_and_state_newest_first() {
        server.createEnrollmentToken(new EnrollmentTokenRequest("first", 0, 0, ""), ADMIN);
        fixture.clock.advance(Duration.ofMinutes(1));
        String second = token(5, Duration.ofDays(7), "lab");
        TestClient.named("PC1").carrying(second).register(server);

        var tokens = server.enrollmentTokens();

        assertThat(tokens).extracting(EnrollmentTokenView::label).containsExactly("lab", "first");
        assertThat(tokens.get(0).usesLeft()).isEqualTo(4);
        assertThat(tokens.get(0).enrolled()).isEqualTo(1);
        assertThat(tokens.get(0).expiresAt()).isNotNull();
        assertThat(tokens.get(1).usesLeft()).isNull();
        assertThat(tokens.get(1).expiresAt()).isNull();
        assertThat(tokens).extracting(EnrollmentTokenView::state).containsOnly(EnrollmentTokenView.State.ACTIVE);
        assertThat(server.audit(0, 10)).extracting(entry -> entry.action())
                .contains("enrollment-token.created", "computer.enrolled");
    }
}
