package dev.primary.client.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.http.FailoverConnection;
import dev.primary.client.testing.ScriptedServer;
import dev.primary.protocol.message.ComputerIdentity;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service on a list of two servers, through the real {@link FailoverConnection}, on fake time. */
class ClientServiceFailoverTest {
    @TempDir
    Path home;

    private ServiceHarness harness;

    @BeforeEach
    void two_servers() {
        harness = new ServiceHarness(home);
        ServiceSettings.ServerEndpoint one = ServiceHarness.endpoint("10.0.0.1", harness.serverKeys);
        ServiceSettings.ServerEndpoint fleet = new ServiceSettings.ServerEndpoint(one.host(), one.port(), one.tlsPin(),
                one.serverKey(), one.serverId(), List.of(new ServerAddress("10.0.0.2", 16770)));
        harness.settings.installed(new ServiceSettings(fleet, ComputerIdentity.computer("PC1", "CORP"),
                ServiceHarness.RECORDER_VERSION, ServiceHarness.DEFAULT_TIMING));
        harness.connector = (endpoint, key, sequence) -> new FailoverConnection(endpoint,
                host -> List.of(InetAddress.getByName(host)),
                single -> harness.server(single.host()).connectedWith(sequence));
        harness.server("10.0.0.1").answer(harness.licensing());
        harness.server("10.0.0.2").answer(harness.licensing());
    }

    @Test
    void when_the_server_in_use_goes_down_the_next_verifies_in_the_same_contact_and_the_recorder_never_stops() {
        harness.start();
        assertThat(harness.status().server()).isEqualTo("10.0.0.1:16770");
        harness.server("10.0.0.1").goDown();

        harness.advance(Duration.ofHours(4));

        assertThat(harness.server("10.0.0.2").calls("verify")).singleElement()
                .extracting(ScriptedServer.Call::at).isEqualTo(ServiceHarness.START.plus(Duration.ofHours(4)));
        ClientStatus status = harness.status();
        assertThat(status.server()).isEqualTo("10.0.0.2:16770");
        assertThat(status.state()).isEqualTo(ClientState.LICENSED);
        assertThat(status.unreachableSince()).as("no failed contact").isNull();
        assertThat(status.nextContact()).isEqualTo(ServiceHarness.START.plus(Duration.ofHours(8)));
        assertThat(harness.recorder.stops()).isZero();

        harness.advance(Duration.ofHours(4));
        assertThat(harness.server("10.0.0.2").calls("verify")).as("it stays with the server that answers").hasSize(2);
        assertThat(harness.server("10.0.0.1").calls("verify")).hasSize(1);
    }

    @Test
    void a_round_in_which_no_server_answers_is_one_failed_contact_retried_after_the_retry_interval_on_the_lease() {
        harness.start();
        harness.server("10.0.0.1").goDown();
        harness.server("10.0.0.2").goDown();
        Instant due = ServiceHarness.START.plus(Duration.ofHours(4));

        harness.advance(Duration.ofHours(4));

        assertThat(harness.server("10.0.0.1").calls("verify")).hasSize(1);
        assertThat(harness.server("10.0.0.2").calls("verify")).hasSize(1);
        ClientStatus status = harness.status();
        assertThat(status.unreachableSince()).isEqualTo(due);
        assertThat(status.nextContact()).as("one failure: the retry interval").isEqualTo(due.plusSeconds(60));
        assertThat(status.reason()).contains("cannot reach any of 10.0.0.1:16770, 10.0.0.2:16770 since "
                + "2026-11-28T14:00:00Z: no server answers (10.0.0.1:16770: connection refused; 10.0.0.2:16770: "
                + "connection refused)");
        assertThat(status.state()).isEqualTo(ClientState.LICENSED);
        assertThat(harness.recorder.running()).isTrue();

        harness.server("10.0.0.2").answer(harness.licensing());
        harness.advance(Duration.ofSeconds(60));
        assertThat(harness.status().server()).isEqualTo("10.0.0.2:16770");
        assertThat(harness.status().unreachableSince()).isNull();
    }
}
