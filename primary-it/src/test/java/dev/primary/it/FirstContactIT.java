package dev.primary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.home.StateDocument;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.json.Json;
import dev.primary.testkit.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's first-contact behaviour, end to end: real server and client processes, real
 * SQLite, real TLS over loopback. 300 ms stands in for the minute, 1 s for the four hours. The real-CLI checks of
 * {@code client-service status}, of {@code primary-admin computer} and of the licensing chain through real
 * {@code license-tool} and {@code primary-admin} processes are here; elsewhere they run in the test's JVM.
 */
class FirstContactIT {
    private static final Duration PATIENCE = Patience.FAILURE_BOUND;

    @TempDir
    Path work;

    @Test
    void client_retries_at_its_interval_while_the_server_is_down_and_is_licensed_when_it_comes_up() throws Exception {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        try (ServerProcess server = new ServerProcess(work.resolve("server"), vendor).start()) {
            server.license(vendor, "FC-1", 5);
            ClientProcess deployed = ClientProcess.deploy(server, work, "PC-FIRST");
            server.stop();

            Instant deployedAt = Instant.now();
            try (ClientProcess client = deployed.start("300ms", "4h")) {
                List<StateDocument> attempts = client.awaitAttemptsAfter(deployedAt, 4);
                StateDocument waiting = client.status();
                assertThat(waiting.state()).isEqualTo("unlicensed");
                assertThat(waiting.recorderRunning()).isFalse();
                assertThat(client.recorderLines()).isEmpty();
                // The wait the client plans after each failure is exact (300 ms, 5 % jitter) on any machine, and it
                // says so in its log; the spacing seen is at least that, more on a loaded machine (a late wake, a
                // slow failure, an attempt the polling missed).
                Matcher planned = Pattern.compile("trying again in (\\d+) ms").matcher(client.output());
                List<Integer> plannedWaits = new java.util.ArrayList<>();
                while (planned.find()) {
                    plannedWaits.add(Integer.parseInt(planned.group(1)));
                }
                assertThat(plannedWaits).hasSizeGreaterThanOrEqualTo(3).allSatisfy(wait ->
                        assertThat(wait).as("planned retry in ms").isBetween(285, 315));
                for (int i = 1; i < attempts.size(); i++) {
                    assertThat(Duration.between(attempts.get(i - 1).lastAttempt(), attempts.get(i).lastAttempt()))
                            .as("time between attempts").isGreaterThanOrEqualTo(Duration.ofMillis(285));
                }

                server.start();
                Eventually.within(PATIENCE, () -> assertThat(client.state().state()).isEqualTo("licensed"));
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
            assertThat(client.state().recorderRunning()).isFalse();
            assertThat(client.recorderLines()).isEmpty();

            server.licenseByRealProcesses(vendor, "EARLY-1", 1);

            Eventually.within(PATIENCE, () -> assertThat(server.computer("PC-EARLY").recorder()).isEqualTo("V 1.0 (0001)"));
            ComputerView licensed = Json.read(server.succeedsByRealProcess("computer", "PC-EARLY", "--json").getBytes(),
                    ComputerView.class);
            assertThat(licensed.state()).isEqualTo(ComputerState.LICENSED);
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
                Instant firstExpiry = client.state().leaseExpiresAt();

                Eventually.within(PATIENCE, () -> {
                    assertThat(server.computer("PC-VERIFY").lastContact()).isAfter(firstContact);
                    assertThat(client.state().leaseExpiresAt()).isAfter(firstExpiry);
                });
                assertThat(client.state().state()).isEqualTo("licensed");
                assertThat(server.summary().used()).isEqualTo(1);
            }
        }
    }
}
