package dev.primary.client.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.testing.LogCapture;
import dev.primary.client.testing.ScriptedServer;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.RegisterRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a client does when the server will not register it: enrollment tokens, held computers, rate limits. */
class ClientServiceRefusalTest {
    private static final EnrollmentToken TOKEN = new EnrollmentToken("k7q2m4xa." + "S".repeat(43));
    private static final String HELD = "PC1 is already held by client 3xQ9fz, last contact 2026-11-28T09:58:00Z";

    @TempDir
    Path home;

    @Test
    void the_enrollment_token_is_sent_on_every_register_request() {
        ServiceHarness harness = withToken(TOKEN);
        harness.server().goDown();
        harness.start();
        harness.advance(Duration.ofMinutes(2));

        assertThat(harness.server().calls("register")).hasSize(3).allSatisfy(call ->
                assertThat(((RegisterRequest) call.request()).enrollmentToken()).isEqualTo(TOKEN.text()));
    }

    @Test
    void a_client_without_a_token_registers_with_an_empty_one() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().goDown();
        harness.start();

        assertThat(((RegisterRequest) harness.server().calls("register").get(0).request()).enrollmentToken()).isEmpty();
    }

    @Test
    void computer_held_keeps_the_recorder_stopped_and_retries_every_minute() {
        ServiceHarness harness = withToken(TOKEN);
        harness.server().answer(ScriptedServer.refusing(ProblemType.COMPUTER_HELD, HELD));
        harness.start();
        harness.advance(Duration.ofMinutes(5));

        assertThat(harness.server().checkIns()).extracting(ScriptedServer.Call::kind).containsOnly("register");
        assertThat(harness.server().checkIns()).extracting(ScriptedServer.Call::at)
                .containsExactly(at(0), at(60), at(120), at(180), at(240), at(300));
        assertThat(harness.recorder.starts()).isZero();
        assertThat(harness.status().state()).isEqualTo(ClientState.REFUSED);
        assertThat(harness.status().reason()).isEqualTo("refused by primary.test:16770: " + HELD);
        assertThat(harness.status().recorderRunning()).isFalse();
        assertThat(home.resolve("lease.json")).doesNotExist();
        assertThat(harness.stateFile.load()).get().extracting(ClientStatus::state).isEqualTo(ClientState.REFUSED);
    }

    @Test
    void every_refused_token_and_the_rate_limit_are_the_refused_state_with_the_servers_reason() {
        for (ProblemType type : List.of(ProblemType.ENROLLMENT_TOKEN_REQUIRED, ProblemType.ENROLLMENT_TOKEN_INVALID,
                ProblemType.ENROLLMENT_TOKEN_EXPIRED, ProblemType.ENROLLMENT_TOKEN_USED_UP,
                ProblemType.ENROLLMENT_TOKEN_REVOKED, ProblemType.TOO_MANY_REQUESTS)) {
            ServiceHarness harness = new ServiceHarness(home.resolve(type.name()));
            harness.server().answer(ScriptedServer.refusing(type, "because of " + type.name()));
            harness.start();

            assertThat(harness.status().state()).as(type.name()).isEqualTo(ClientState.REFUSED);
            assertThat(harness.status().reason()).isEqualTo("refused by primary.test:16770: because of " + type.name());
            assertThat(harness.recorder.starts()).isZero();
        }
    }

    @Test
    void a_refusal_without_detail_shows_the_problem_title() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().answer(ScriptedServer.refusing(ProblemType.ENROLLMENT_TOKEN_REQUIRED, ""));
        harness.start();

        assertThat(harness.status().reason()).isEqualTo("refused by primary.test:16770: Enrollment token required");
    }

    @Test
    void too_many_requests_waits_for_the_servers_retry_after_when_it_is_longer_than_the_retry_interval() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().answer(ScriptedServer.refusing(ProblemType.TOO_MANY_REQUESTS, "20 registrations a minute "
                + "from 10.0.0.9", Duration.ofMinutes(5)));
        harness.start();
        harness.advance(Duration.ofMinutes(10));

        assertThat(harness.server().checkIns()).extracting(ScriptedServer.Call::at)
                .containsExactly(at(0), at(300), at(600));
        assertThat(harness.status().nextContact()).isEqualTo(at(900));
    }

    @Test
    void a_retry_after_shorter_than_the_retry_interval_keeps_the_retry_interval() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().answer(ScriptedServer.refusing(ProblemType.TOO_MANY_REQUESTS, "slow down",
                Duration.ofSeconds(5)));
        harness.start();
        harness.advance(Duration.ofMinutes(2));

        assertThat(harness.server().checkIns()).extracting(ScriptedServer.Call::at).containsExactly(at(0), at(60), at(120));
    }

    @Test
    void a_retry_after_longer_than_the_max_backoff_is_cut_to_it() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().answer(ScriptedServer.refusing(ProblemType.TOO_MANY_REQUESTS, "slow down", Duration.ofDays(1)));
        harness.start();
        harness.advance(Duration.ofHours(2));

        assertThat(harness.server().checkIns()).extracting(ScriptedServer.Call::at)
                .containsExactly(at(0), at(3600), at(7200));
    }

    @Test
    void a_refusal_is_logged_once_at_warn_when_it_starts_and_again_when_it_changes() {
        ServiceHarness harness = withToken(TOKEN);
        try (LogCapture log = new LogCapture()) {
            harness.server().answer(ScriptedServer.refusing(ProblemType.ENROLLMENT_TOKEN_EXPIRED,
                    "enrollment token k7q2m4xa expired at 2026-11-27T00:00:00Z"));
            harness.start();
            harness.advance(Duration.ofMinutes(10));

            assertThat(log.warnings()).singleElement().asString()
                    .isEqualTo("Registration refused by primary.test:16770 (enrollment-token-expired): enrollment token "
                            + "k7q2m4xa expired at 2026-11-27T00:00:00Z; the Recorder does not run; asking again in "
                            + "1 min; give this client a valid enrollment token ('client-service repoint "
                            + "--enrollment-token-file FILE', or the Deployment Utility with --force)");

            harness.server().answer(ScriptedServer.refusing(ProblemType.COMPUTER_HELD, HELD));
            harness.advance(Duration.ofMinutes(10));

            assertThat(log.warnings()).hasSize(2);
            assertThat(log.warnings().get(1)).startsWith("Registration refused by primary.test:16770 (computer-held): "
                    + HELD).endsWith("('primary-admin computer rekey NAME')");
        }
    }

    @Test
    void a_refused_client_is_licensed_at_its_next_retry_once_the_server_accepts_it() {
        ServiceHarness harness = withToken(TOKEN);
        harness.server().answer(ScriptedServer.refusing(ProblemType.COMPUTER_HELD, HELD));
        harness.start();
        harness.server().answer(harness.licensing());
        harness.advance(Duration.ofSeconds(60));

        assertThat(harness.status().state()).isEqualTo(ClientState.LICENSED);
        assertThat(harness.recorder.running()).isTrue();
        assertThat(harness.status().reason()).startsWith("licensed until ");
    }

    @Test
    void a_new_token_in_the_configuration_is_sent_at_once() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.configCheckInterval = Duration.ofSeconds(5);
        harness.server().answer(ScriptedServer.refusing(ProblemType.ENROLLMENT_TOKEN_REQUIRED, "a token is required"));
        harness.start();
        EnrollmentToken fresh = new EnrollmentToken("p3r8w2zd." + "T".repeat(43));
        harness.server().answer(call -> fresh.text().equals(((RegisterRequest) call.request()).enrollmentToken())
                ? harness.licensing().answer(call)
                : ScriptedServer.refusing(ProblemType.ENROLLMENT_TOKEN_INVALID, "unknown token").answer(call));
        harness.settings.change(harness.settings.current().withEnrollmentToken(fresh));
        harness.advance(Duration.ofSeconds(5));

        assertThat(harness.server().checkIns()).extracting(ScriptedServer.Call::at).containsExactly(at(0), at(5));
        assertThat(harness.status().state()).isEqualTo(ClientState.LICENSED);
    }

    @Test
    void a_licensed_client_keeps_its_lease_and_recorder_when_its_re_registration_is_refused_for_its_token() {
        for (ProblemType refusal : List.of(ProblemType.ENROLLMENT_TOKEN_REQUIRED, ProblemType.ENROLLMENT_TOKEN_USED_UP,
                ProblemType.TOO_MANY_REQUESTS)) {
            Path clientHome = home.resolve(refusal.name());
            ServiceHarness harness = new ServiceHarness(clientHome);
            harness.server().answer(harness.licensing());
            harness.start();
            harness.server().answer(call -> ScriptedServer.refusing(
                    call.kind().equals("verify") ? ProblemType.UNKNOWN_CLIENT : refusal, "no").answer(call));
            harness.advance(Duration.ofHours(4));

            assertThat(harness.server().checkIns()).extracting(ScriptedServer.Call::kind)
                    .containsExactly("register", "verify", "register");
            assertThat(harness.recorder.running()).as(refusal.name()).isTrue();
            assertThat(harness.status().state()).isEqualTo(ClientState.LICENSED);
            assertThat(clientHome.resolve("lease.json")).exists();
        }
    }

    @Test
    void a_licensed_client_whose_computer_another_key_took_over_stops_its_recorder_and_drops_its_lease() {
        ServiceHarness harness = withToken(TOKEN);
        harness.server().answer(harness.licensing());
        harness.start();
        assertThat(harness.recorder.running()).isTrue();
        harness.server().answer(call -> ScriptedServer.refusing(
                call.kind().equals("verify") ? ProblemType.UNKNOWN_CLIENT : ProblemType.COMPUTER_HELD, HELD).answer(call));
        harness.advance(Duration.ofHours(4));

        assertThat(harness.server().checkIns()).extracting(ScriptedServer.Call::kind)
                .containsExactly("register", "verify", "register");
        assertThat(harness.recorder.running()).isFalse();
        assertThat(harness.status().state()).isEqualTo(ClientState.REFUSED);
        assertThat(harness.status().reason()).isEqualTo("refused by primary.test:16770: " + HELD);
        assertThat(home.resolve("lease.json")).doesNotExist();

        harness.advance(Duration.ofMinutes(1));
        assertThat(harness.server().checkIns()).extracting(ScriptedServer.Call::kind).last().isEqualTo("register");
    }

    @Test
    void a_refused_client_that_then_cannot_reach_the_server_says_so() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().answer(ScriptedServer.refusing(ProblemType.COMPUTER_HELD, HELD));
        harness.start();
        harness.server().goDown();
        harness.advance(Duration.ofSeconds(60));

        assertThat(harness.status().state()).isEqualTo(ClientState.UNLICENSED);
        assertThat(harness.status().reason()).startsWith("cannot reach primary.test:16770 since ");
    }

    private ServiceHarness withToken(EnrollmentToken token) {
        ServiceHarness harness = new ServiceHarness(home);
        harness.settings.installed(harness.settings.current().withEnrollmentToken(token));
        return harness;
    }

    private static Instant at(long seconds) {
        return ServiceHarness.START.plusSeconds(seconds);
    }
}
