package dev.primary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.home.StateDocument;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.testkit.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's first-contact behaviour, end to end: real server and client processes, real
 * SQLite, real TLS over loopback. 300 ms stands in for the minute, 1 s for the four hours.
 */
class FirstContactIT {
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    @TempDir
    Path work;

    @Test
    void client_retries_at_its_interval_while_the_server_is_down_and_is_licensed_when_it_comes_up() throws Exception {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        try (ServerProcess server = new ServerProcess(work.resolve("server"), vendor).start()) {
            server.license(vendor, "FC-1", 5);
            ClientProcess deployed = ClientProcess.deploy(server, work, "PC-FIRST");
            server.stop();

            try (ClientProcess client = deployed.start("300ms", "4h")) {
                List<Instant> attempts = new ArrayList<>();
                Eventually.within(PATIENCE, () -> {
                    StateDocument status = client.state();
                    if (status.lastAttempt() != null && !attempts.contains(status.lastAttempt())) {
                        attempts.add(status.lastAttempt());
                    }
                    assertThat(attempts).hasSizeGreaterThanOrEqualTo(4);
                });
                StateDocument waiting = client.status();
                assertThat(waiting.state()).isEqualTo("unlicensed");
                assertThat(waiting.recorderRunning()).isFalse();
                assertThat(client.recorderLines()).isEmpty();
                Duration spacing = Duration.between(attempts.get(1), attempts.get(attempts.size() - 1))
                        .dividedBy(attempts.size() - 2);
                assertThat(spacing).as("time between attempts").isBetween(Duration.ofMillis(200), Duration.ofMillis(900));

                server.start();
                Eventually.within(PATIENCE, () -> assertThat(client.status().state()).isEqualTo("licensed"));
                Eventually.within(PATIENCE, () -> assertThat(client.recordingLines()).isPositive());
                Eventually.within(PATIENCE, () -> {
                    ComputerView view = server.computer("CORP\\PC-FIRST");
                    assertThat(view.state()).isEqualTo(ComputerState.LICENSED);
                    assertThat(view.recorder()).isEqualTo("V 1.0 (0001)");
                });
            }
        }
    }

    @Test
    void a_computer_without_a_seat_shows_recorder_V_0_0_0000_until_a_license_arrives() {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        try (ServerProcess server = new ServerProcess(work.resolve("server"), vendor).start();
                ClientProcess client = ClientProcess.deploy(server, work, "PC-EARLY").start("300ms", "4h")) {
            Eventually.within(PATIENCE, () -> {
                ComputerView view = server.computer("PC-EARLY");
                assertThat(view.state()).isEqualTo(ComputerState.WAITING);
                assertThat(view.recorder()).isEqualTo("V 0.0 (0000)");
                assertThat(view.reason()).isNotBlank();
            });
            assertThat(client.status().recorderRunning()).isFalse();
            assertThat(client.recorderLines()).isEmpty();

            server.license(vendor, "EARLY-1", 1);

            Eventually.within(PATIENCE, () -> assertThat(server.computer("PC-EARLY").recorder()).isEqualTo("V 1.0 (0001)"));
            assertThat(server.computer("PC-EARLY").state()).isEqualTo(ComputerState.LICENSED);
            Eventually.within(PATIENCE, () -> assertThat(client.recordingLines()).isPositive());
        }
    }

    @Test
    void a_licensed_client_re_verifies_at_its_verify_interval_and_gets_a_fresh_lease() {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        try (ServerProcess server = new ServerProcess(work.resolve("server"), vendor).start()) {
            server.license(vendor, "RV-1", 2);
            try (ClientProcess client = ClientProcess.deploy(server, work, "PC-VERIFY").start("300ms", "1s")) {
                Eventually.within(PATIENCE, () -> assertThat(client.state().state()).isEqualTo("licensed"));
                Instant firstContact = server.computer("PC-VERIFY").lastContact();
                Instant firstExpiry = client.status().leaseExpiresAt();

                Eventually.within(PATIENCE, () -> {
                    assertThat(server.computer("PC-VERIFY").lastContact()).isAfter(firstContact);
                    assertThat(client.state().leaseExpiresAt()).isAfter(firstExpiry);
                });
                assertThat(client.status().state()).isEqualTo("licensed");
                assertThat(server.summary().used()).isEqualTo(1);
            }
        }
    }
}
