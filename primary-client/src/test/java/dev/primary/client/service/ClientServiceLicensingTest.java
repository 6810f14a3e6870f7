package dev.primary.client.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.testing.LeaseMaker;
import dev.primary.client.testing.ScriptedServer;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.ReportRequest;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.protocol.message.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientServiceLicensingTest {
    @TempDir
    Path home;

    @Test
    void client_retries_at_the_retry_interval_until_first_license_without_running_the_recorder() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().goDown();
        harness.start();
        harness.advance(Duration.ofMinutes(5));

        List<ScriptedServer.Call> calls = harness.server().checkIns();
        assertThat(calls).extracting(ScriptedServer.Call::kind).containsOnly("register");
        assertThat(calls).extracting(ScriptedServer.Call::at).containsExactly(
                at(0), at(60), at(120), at(180), at(240), at(300));
        assertThat(harness.recorder.starts()).isZero();
        assertThat(harness.status().state()).isEqualTo(ClientState.UNLICENSED);
        assertThat(harness.status().reason())
                .isEqualTo("cannot reach primary.test:16770 since 2026-11-28T10:00:00Z: connection refused");

        harness.server().answer(harness.licensing());
        harness.advance(Duration.ofSeconds(60));
        assertThat(harness.recorder.running()).isTrue();
        assertThat(harness.status().state()).isEqualTo(ClientState.LICENSED);
    }

    @Test
    void register_carries_the_computer_the_verify_interval_and_no_recorder_version_while_none_runs() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().goDown();
        harness.start();

        RegisterRequest request = (RegisterRequest) harness.server().checkIns().get(0).request();
        assertThat(request.computer()).isEqualTo(ComputerIdentity.computer("PC1", "CORP"));
        assertThat(request.recorderVersion()).isEqualTo(Version.NONE);
        assertThat(request.clientKey()).isEqualTo(harness.clientKey.publicKey().encoded());
        assertThat(request.verifyIntervalSeconds()).isEqualTo(4 * 3600);
        assertThat(request.os()).contains(System.getProperty("os.name"));
    }

    @Test
    void licensed_answer_keeps_the_lease_starts_the_recorder_and_reports_it_at_once() throws Exception {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().answer(harness.licensing());
        harness.start();

        assertThat(harness.recorder.running()).isTrue();
        assertThat(harness.storedLease().kind()).isEqualTo("lease");
        List<ReportRequest> reports = harness.server().reports();
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).recorderVersion()).isEqualTo(ServiceHarness.RECORDER_VERSION);
        assertThat(reports.get(0).clientState()).isEqualTo("licensed");
        ClientStatus status = harness.status();
        assertThat(status.state()).isEqualTo(ClientState.LICENSED);
        assertThat(status.reason()).isEqualTo("licensed until 2026-12-05T10:00:00Z");
        assertThat(status.recorderRunning()).isTrue();
        assertThat(status.recorderVersion()).isEqualTo(ServiceHarness.RECORDER_VERSION);
        assertThat(status.leaseExpiresAt()).isEqualTo(Instant.parse("2026-12-05T10:00:00Z"));
        assertThat(harness.stateFile.load()).get().extracting(ClientStatus::state).isEqualTo(ClientState.LICENSED);
    }

    @Test
    void licensed_client_reverifies_at_the_verify_interval_carrying_its_lease_and_recorder_version() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().answer(harness.licensing());
        harness.start();
        harness.advance(Duration.ofHours(12));

        List<ScriptedServer.Call> calls = harness.server().checkIns();
        assertThat(calls).extracting(ScriptedServer.Call::kind).containsExactly("register", "verify", "verify", "verify");
        assertThat(calls).extracting(ScriptedServer.Call::at)
                .containsExactly(at(0), at(4 * 3600), at(8 * 3600), at(12 * 3600));
        VerifyRequest verify = (VerifyRequest) calls.get(1).request();
        assertThat(verify.recorderVersion()).isEqualTo(ServiceHarness.RECORDER_VERSION);
        assertThat(verify.leaseId()).isNotBlank();
        assertThat(harness.server().reports()).hasSize(1);
    }

    @Test
    void a_shorter_verify_after_from_the_server_is_honoured() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().answer(harness.licensing(Duration.ofDays(7), 3600));
        harness.start();
        harness.advance(Duration.ofHours(2));

        assertThat(harness.server().checkIns()).extracting(ScriptedServer.Call::at)
                .containsExactly(at(0), at(3600), at(7200));
    }

    @Test
    void waiting_answer_retries_after_the_servers_value_and_says_the_place_in_line() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().answer(call -> new CheckInAnswer.WaitingForSeat("all 5 seats are in use", 30, 2));
        harness.start();
        harness.advance(Duration.ofSeconds(60));

        assertThat(harness.server().checkIns()).extracting(ScriptedServer.Call::at).containsExactly(at(0), at(30), at(60));
        assertThat(harness.status().state()).isEqualTo(ClientState.WAITING);
        assertThat(harness.status().reason()).isEqualTo("waiting for a seat: all 5 seats are in use (2nd in line)");
        assertThat(harness.recorder.starts()).isZero();
    }

    @Test
    void the_server_cannot_make_the_client_ask_more_often_than_every_second() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().answer(call -> new CheckInAnswer.WaitingForSeat("all 5 seats are in use", 0, 1));
        harness.start();
        harness.advance(Duration.ofSeconds(3));

        assertThat(harness.server().checkIns()).extracting(ScriptedServer.Call::at)
                .containsExactly(at(0), at(1), at(2), at(3));
    }

    @Test
    void revoked_answer_stops_the_recorder_deletes_the_lease_and_retries_after_the_servers_value() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().answer(harness.licensing());
        harness.start();
        harness.server().answer(call -> new CheckInAnswer.Revoked("re-imaged", 3600));
        harness.advance(Duration.ofHours(4));

        assertThat(harness.recorder.running()).isFalse();
        assertThat(home.resolve("lease.json")).doesNotExist();
        assertThat(harness.status().state()).isEqualTo(ClientState.REVOKED);
        assertThat(harness.status().reason()).startsWith("revoked by the administrator: re-imaged");
        assertThat(harness.server().reports()).extracting(ReportRequest::recorderVersion)
                .containsExactly(ServiceHarness.RECORDER_VERSION, Version.NONE);

        harness.advance(Duration.ofHours(1));
        List<ScriptedServer.Call> calls = harness.server().checkIns();
        assertThat(calls.get(calls.size() - 1).kind()).isEqualTo("register");
        assertThat(calls.get(calls.size() - 1).at()).isEqualTo(at(5 * 3600));
    }

    @Test
    void unknown_client_on_verify_makes_the_client_register_again_at_once() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().answer(harness.licensing());
        harness.start();
        ScriptedServer.Answerer licensing = harness.licensing();
        harness.server().answer(call -> {
            if (call.kind().equals("verify")) {
                return ScriptedServer.refusing(ProblemType.UNKNOWN_CLIENT, "no client with this id").answer(call);
            }
            return licensing.answer(call);
        });
        harness.advance(Duration.ofHours(4));

        assertThat(harness.server().checkIns()).extracting(ScriptedServer.Call::kind)
                .containsExactly("register", "verify", "register");
        assertThat(harness.server().checkIns().get(2).at()).isEqualTo(at(4 * 3600));
        assertThat(harness.status().state()).isEqualTo(ClientState.LICENSED);
        assertThat(harness.recorder.running()).isTrue();
    }

    @Test
    void a_refused_request_shows_the_problem_detail_in_the_reason() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().answer(ScriptedServer.refusing(ProblemType.SIGNATURE_INVALID, "signature made with another key"));
        harness.start();

        assertThat(harness.status().reason()).contains("primary.test:16770 refused the request")
                .contains("signature made with another key");
        harness.advance(Duration.ofSeconds(60));
        assertThat(harness.server().checkIns()).hasSize(2);
    }

    @Test
    void a_recorder_that_dies_and_comes_back_is_reported_each_time() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().answer(harness.licensing());
        harness.start();
        harness.recorder.crash();
        harness.scheduler.runDue();
        harness.recorder.start();
        harness.scheduler.runDue();

        assertThat(harness.server().reports()).extracting(ReportRequest::recorderVersion)
                .containsExactly(ServiceHarness.RECORDER_VERSION, Version.NONE, ServiceHarness.RECORDER_VERSION);
    }

    @Test
    void a_repointed_configuration_makes_the_client_register_with_the_new_server_at_once() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.configCheckInterval = Duration.ofSeconds(5);
        harness.server().answer(harness.licensing());
        harness.start();
        LeaseMaker newServerKeys = new LeaseMaker();
        ScriptedServer newServer = harness.server("new.primary.test");
        newServer.answer(call -> new CheckInAnswer.Licensed(
                newServerKeys.lease(harness.clientId(), harness.time.now(), Duration.ofDays(7)), 14400));
        ServiceSettings old = harness.settings.current();
        harness.settings.change(new ServiceSettings(ServiceHarness.endpoint("new.primary.test", newServerKeys),
                old.computer(), old.recorderVersion(), old.timing()));

        harness.advance(Duration.ofSeconds(5));

        assertThat(newServer.checkIns()).extracting(ScriptedServer.Call::kind).containsExactly("register");
        assertThat(newServer.checkIns().get(0).at()).isEqualTo(at(5));
        assertThat(harness.status().server()).isEqualTo("new.primary.test:16770");
        assertThat(harness.status().state()).isEqualTo(ClientState.LICENSED);
        assertThat(harness.recorder.running()).isTrue();
        assertThat(newServer.reports()).isNotEmpty();
        assertThat(Files.exists(home.resolve("lease.json"))).isTrue();
    }

    private static Instant at(long seconds) {
        return ServiceHarness.START.plusSeconds(seconds);
    }
}
