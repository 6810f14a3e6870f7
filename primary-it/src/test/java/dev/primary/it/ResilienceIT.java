package dev.primary.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.primary.client.home.StateDocument;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.crypto.Base64Url;
import dev.primary.protocol.json.Json;
import dev.primary.testkit.Eventually;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What survives restarts, outages and tampering, end to end. */
class ResilienceIT {
    private static final Duration PATIENCE = Patience.FAILURE_BOUND;

    @TempDir
    Path work;

    @Test
    void a_client_restarted_with_a_valid_lease_while_the_server_is_down_runs_its_recorder_at_once() {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        try (ServerProcess server = new ServerProcess(work.resolve("server"), vendor).start()) {
            server.license(vendor, "OFF-1", 1);
            ClientProcess client = ClientProcess.deploy(server, work, "PC-OFFLINE").start("300ms", "4h");
            Eventually.within(PATIENCE, () -> assertThat(client.state().state()).isEqualTo("licensed"));
            client.stop();
            Instant lastContactBeforeRestart = client.state().lastSuccessfulContact();
            server.stop();

            try (ClientProcess restarted = client.start("300ms", "4h")) {
                Eventually.within(PATIENCE, () -> assertThat(restarted.state().recorderRunning()).isTrue());
                long before = restarted.recordingLines();
                Eventually.within(PATIENCE, () -> assertThat(restarted.recordingLines()).isGreaterThan(before + 3));
                // The service also tries the server at start, but the state file shows an attempt only once it has
                // failed; on a loaded machine that can come well after the Recorder's first lines.
                StateDocument tried = restarted.awaitAttemptsAfter(lastContactBeforeRestart, 1).get(0);
                assertThat(tried.unreachableSince()).as("the server is down").isNotNull();
                assertThat(restarted.state().state()).isIn("licensed", "degraded");
                assertThat(restarted.state().recorderRunning()).isTrue();
            }
        }
    }

    @Test
    void a_tampered_lease_on_disk_is_rejected_and_the_recorder_does_not_run_without_the_server() throws Exception {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        try (ServerProcess server = new ServerProcess(work.resolve("server"), vendor).start()) {
            server.license(vendor, "TAMPER-1", 1);
            ClientProcess client = ClientProcess.deploy(server, work, "PC-TAMPER").start("300ms", "4h");
            Eventually.within(PATIENCE, () -> assertThat(client.state().state()).isEqualTo("licensed"));
            client.stop();
            server.stop();

            Path leaseFile = client.home().resolve("lease.json");
            ObjectNode lease = (ObjectNode) Json.mapper().readTree(leaseFile.toFile());
            String payload = new String(Base64Url.decode(lease.get("payload").asText()), StandardCharsets.UTF_8);
            String extended = payload.replaceFirst("\"expiresAt\":\"(\\d{4})", "\"expiresAt\":\"2999");
            assertThat(extended).isNotEqualTo(payload);
            lease.put("payload", Base64Url.encode(extended.getBytes(StandardCharsets.UTF_8)));
            Files.writeString(leaseFile, Json.mapper().writeValueAsString(lease));

            try (ClientProcess restarted = client.start("300ms", "4h")) {
                Eventually.within(PATIENCE, () -> assertThat(restarted.output()).contains("Lease on disk rejected"));
                assertThat(restarted.output()).contains("signature does not verify");
                Eventually.within(PATIENCE, () -> assertThat(restarted.state().state()).isEqualTo("unlicensed"));
                long linesBefore = restarted.recordingLines();
                // Not a pause but three turns of the service's state machine: had the rejected lease started the
                // Recorder, it would have by then.
                restarted.awaitAttemptsAfter(Instant.now(), 3);
                assertThat(restarted.state().state()).isEqualTo("unlicensed");
                assertThat(restarted.state().recorderRunning()).isFalse();
                assertThat(restarted.recordingLines()).as("the Recorder wrote nothing more").isEqualTo(linesBefore);
                assertThat(client.home().resolve("lease.json.rejected")).exists();
            }
        }
    }

    @Test
    void a_server_killed_and_restarted_loses_no_seat_and_its_clients_stay_licensed() {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        ServerProcess server = new ServerProcess(work.resolve("server"), vendor).start();
        try (server;
                ClientProcess first = ClientProcess.deploy(server, work, "PC-K1").start("300ms", "1s");
                ClientProcess second = ClientProcess.deploy(server, work, "PC-K2").start("300ms", "1s")) {
            server.license(vendor, "KILL-1", 2);
            Eventually.within(PATIENCE, () -> assertThat(server.summary().used()).isEqualTo(2));
            String firstClientId = server.computer("PC-K1").clientId();

            server.kill();
            server.start();

            assertThat(server.summary().used()).isEqualTo(2);
            assertThat(server.computer("PC-K1").clientId()).isEqualTo(firstClientId);
            assertThat(server.computer("PC-K1").state()).isEqualTo(ComputerState.LICENSED);
            Instant restarted = Instant.now();
            for (ClientProcess client : List.of(first, second)) {
                Eventually.within(PATIENCE, () -> {
                    assertThat(server.computer(client.computerName()).lastContact()).isAfter(restarted);
                    assertThat(client.state().lastSuccessfulContact()).isAfter(restarted);
                });
                assertThat(client.state().state()).isEqualTo("licensed");
            }
            assertThat(server.summary().used()).isEqualTo(2);
        }
    }

    @Test
    void a_client_reinstalled_with_the_same_computer_name_keeps_its_seat_once_rekeyed() {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        try (ServerProcess server = new ServerProcess(work.resolve("server"), vendor).start()) {
            server.license(vendor, "REINST-1", 1);
            try (ClientProcess original = ClientProcess.deploy(server, work.resolve("before"), "PC-REIMAGE").start("300ms", "4h")) {
                Eventually.within(PATIENCE, () -> assertThat(original.state().state()).isEqualTo("licensed"));
            }
            String oldClientId = server.computer("PC-REIMAGE").clientId();
            server.adminSucceeds("computer", "rekey", "CORP\\PC-REIMAGE", "--reason", "re-imaged");
            try (ClientProcess reinstalled = ClientProcess.deploy(server, work.resolve("after"), "PC-REIMAGE").start("300ms", "4h")) {
                Eventually.within(PATIENCE, () -> assertThat(reinstalled.state().state()).isEqualTo("licensed"));
                assertThat(server.computer("PC-REIMAGE").clientId()).isNotEqualTo(oldClientId);
                assertThat(server.summary().used()).isEqualTo(1);
                assertThat(server.computers()).hasSize(1);
            }
        }
    }
}
