package dev.primary.client.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.testing.LogCapture;
import dev.primary.client.testing.ScriptedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientServiceOfflineTest {
    @TempDir
    Path home;

    @Test
    void lost_contact_backs_off_doubling_up_to_the_maximum_while_the_recorder_keeps_running() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().answer(harness.licensing());
        harness.start();
        harness.server().goDown();
        harness.server().forget();

        harness.advance(Duration.ofHours(4).plus(Duration.ofHours(4)));

        List<Instant> attempts = harness.server().checkIns().stream().map(ScriptedServer.Call::at).toList();
        assertThat(attempts.get(0)).isEqualTo(ServiceHarness.START.plus(Duration.ofHours(4)));
        assertThat(gapsInSeconds(attempts)).startsWith(60L, 120L, 240L, 480L, 960L, 1920L, 3600L, 3600L);
        assertThat(harness.recorder.running()).isTrue();
        assertThat(harness.recorder.stops()).isZero();
        assertThat(harness.status().state()).isEqualTo(ClientState.LICENSED);
        assertThat(harness.status().reason()).startsWith("licensed until 2026-12-05T10:00:00Z; cannot reach "
                + "primary.test:16770 since 2026-11-28T14:00:00Z: connection refused");
    }

    @Test
    void licensed_client_is_degraded_after_degraded_after_without_contact_and_still_records() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().answer(harness.licensing());
        harness.start();
        harness.server().goDown();

        harness.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(harness.status().state()).isEqualTo(ClientState.LICENSED);

        harness.advance(Duration.ofSeconds(1));
        assertThat(harness.status().state()).isEqualTo(ClientState.DEGRADED);
        assertThat(harness.status().reason()).startsWith("degraded: no contact with the server for more than 1 d");
        assertThat(harness.recorder.running()).isTrue();

        harness.server().answer(harness.licensing());
        harness.advance(Duration.ofHours(1));
        assertThat(harness.status().state()).isEqualTo(ClientState.LICENSED);
    }

    @Test
    void lease_expiry_stops_the_recorder_and_the_client_registers_again() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().answer(harness.licensing(Duration.ofDays(2), 14400));
        harness.start();
        harness.server().goDown();

        harness.advance(Duration.ofDays(2).minusSeconds(1));
        assertThat(harness.recorder.running()).isTrue();

        harness.server().forget();
        harness.advance(Duration.ofSeconds(1));
        assertThat(harness.recorder.running()).isFalse();
        assertThat(harness.status().state()).isEqualTo(ClientState.EXPIRED);
        assertThat(harness.status().reason()).startsWith("lease expired at 2026-11-30T10:00:00Z");

        harness.advance(Duration.ofMinutes(2));
        List<ScriptedServer.Call> calls = harness.server().checkIns();
        assertThat(calls).extracting(ScriptedServer.Call::kind).containsOnly("register");
        assertThat(gapsInSeconds(calls.stream().map(ScriptedServer.Call::at).toList())).containsOnly(60L);
    }

    @Test
    void restart_with_a_valid_lease_and_no_server_starts_the_recorder_at_once() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().answer(harness.licensing());
        harness.start();
        harness.service.stop();
        assertThat(harness.recorder.running()).isFalse();
        harness.server().goDown();
        harness.server().forget();

        harness.time.advance(Duration.ofHours(1));
        ClientService restarted = new ClientService(new ServiceParts(harness.settings,
                (endpoint, key, sequence) -> harness.server(endpoint.host()).connectedWith(sequence), harness.recorder,
                harness.leaseFile, harness.stateFile, harness.clientKey, harness.time, harness.scheduler, Jitter.none(),
                Duration.ofHours(1)));
        restarted.start();

        assertThat(harness.recorder.running()).as("running before any contact").isTrue();
        assertThat(harness.server().checkIns()).isEmpty();
        harness.scheduler.runDue();
        assertThat(harness.server().checkIns()).extracting(ScriptedServer.Call::kind).containsExactly("verify");
        assertThat(restarted.status().state()).isEqualTo(ClientState.LICENSED);
        assertThat(harness.recorder.running()).isTrue();
    }

    @Test
    void setting_the_clock_back_does_not_extend_the_lease_and_is_shown_and_logged() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().answer(harness.licensing(Duration.ofDays(2), 14400));
        harness.start();
        harness.server().goDown();
        harness.advance(Duration.ofDays(1));

        try (LogCapture log = new LogCapture()) {
            harness.time.setWall(harness.time.now().minus(Duration.ofDays(3)));
            harness.advance(Duration.ofHours(1));
            assertThat(log.warnings()).filteredOn(line -> line.startsWith("System clock went back")).hasSize(1);
            assertThat(harness.status().reason()).contains("the system clock is 3 d behind the latest time seen");

            harness.advance(Duration.ofHours(23));
            assertThat(harness.recorder.running()).isFalse();
            assertThat(harness.status().state()).isEqualTo(ClientState.EXPIRED);
            assertThat(log.warnings()).filteredOn(line -> line.startsWith("System clock went back")).hasSize(1);
        }
    }

    @Test
    void setting_the_clock_back_across_a_restart_does_not_revive_an_expired_lease() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().answer(harness.licensing(Duration.ofDays(2), 14400));
        harness.start();
        harness.server().goDown();
        harness.advance(Duration.ofDays(2).plusMinutes(5));
        assertThat(harness.status().state()).isEqualTo(ClientState.EXPIRED);
        harness.service.stop();

        harness.time.setWall(ServiceHarness.START.plus(Duration.ofDays(1)));
        harness.start();

        assertThat(harness.recorder.running()).isFalse();
        assertThat(harness.status().state()).isEqualTo(ClientState.EXPIRED);
        assertThat(harness.status().reason()).contains("the system clock is 1 d");
    }

    @Test
    void request_sequence_strictly_increases_across_restarts_even_when_the_clock_goes_back() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().goDown();
        harness.start();
        harness.advance(Duration.ofMinutes(3));
        harness.service.stop();
        harness.time.setWall(harness.time.now().minus(Duration.ofHours(2)));
        harness.start();
        harness.advance(Duration.ofMinutes(2));

        List<Long> sequences = harness.server().checkIns().stream().map(ScriptedServer.Call::sequence).toList();
        assertThat(sequences).hasSizeGreaterThan(6);
        for (int i = 1; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).as("sequence %d", i).isGreaterThan(sequences.get(i - 1));
        }
        assertThat(harness.stateFile.load()).get().extracting(ClientStatus::lastSequence)
                .isEqualTo(sequences.get(sequences.size() - 1));
    }

    private static List<Long> gapsInSeconds(List<Instant> attempts) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < attempts.size(); i++) {
            gaps.add(Duration.between(attempts.get(i - 1), attempts.get(i)).toSeconds());
        }
        return gaps;
    }
}
