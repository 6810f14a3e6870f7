package dev.primary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.LicenseSummary;
import dev.primary.protocol.json.Json;
import dev.primary.testkit.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seats end to end: exhausted and freed, reserved, released, revoked and reinstated, reclaimed. The real-CLI check
 * of {@code primary-admin summary} is here.
 */
class SeatsIT {
    private static final Duration PATIENCE = Patience.FAILURE_BOUND;

    @TempDir
    Path work;

    @Test
    void when_seats_run_out_a_new_client_waits_and_is_licensed_as_soon_as_a_seat_is_released() {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        try (ServerProcess server = new ServerProcess(work.resolve("server"), vendor).start()) {
            server.license(vendor, "SEATS-2", 2);
            try (ClientProcess first = ClientProcess.deploy(server, work, "PC-A").start("300ms", "4h");
                    ClientProcess second = ClientProcess.deploy(server, work, "PC-B").start("300ms", "4h")) {
                Eventually.within(PATIENCE, () -> assertThat(server.summary().used()).isEqualTo(2));
                try (ClientProcess third = ClientProcess.deploy(server, work, "PC-C").start("300ms", "4h")) {
                    Eventually.within(PATIENCE, () -> assertThat(third.state().state()).isEqualTo("waiting"));
                    assertThat(server.computer("PC-C").state()).isEqualTo(ComputerState.WAITING);
                    assertThat(server.computer("PC-C").recorder()).isEqualTo("V 0.0 (0000)");
                    assertThat(third.recorderLines()).isEmpty();
                    LicenseSummary full = Json.read(server.succeedsByRealProcess("summary", "--json").getBytes(),
                            LicenseSummary.class);
                    assertThat(full.licenses()).isEqualTo(2);
                    assertThat(full.used()).isEqualTo(2);
                    assertThat(full.waiting()).isEqualTo(1);

                    first.stop();
                    server.adminSucceeds("release", "CORP\\PC-A", "--reason", "decommissioned");

                    Eventually.within(PATIENCE, () -> assertThat(third.state().state()).isEqualTo("licensed"));
                    Eventually.within(PATIENCE, () -> assertThat(third.recordingLines()).isPositive());
                    assertThat(server.computer("PC-A").state()).isEqualTo(ComputerState.RELEASED);
                    LicenseSummary after = server.summary();
                    assertThat(after.used()).isEqualTo(2);
                    assertThat(after.waiting()).isZero();
                }
            }
        }
    }

    @Test
    void a_reserved_seat_is_kept_for_its_computer_and_taken_when_its_client_arrives() {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        try (ServerProcess server = new ServerProcess(work.resolve("server"), vendor).start()) {
            server.license(vendor, "RES-1", 1);
            server.adminSucceeds("reserve", "PC-VIP", "--reason", "new hire");
            assertThat(server.summary().reserved()).isEqualTo(1);
            assertThat(server.computer("PC-VIP").state()).isEqualTo(ComputerState.RESERVED);

            try (ClientProcess other = ClientProcess.deploy(server, work, "PC-OTHER").start("300ms", "4h")) {
                Eventually.within(PATIENCE, () -> assertThat(other.state().state()).isEqualTo("waiting"));
                try (ClientProcess vip = ClientProcess.deploy(server, work, "PC-VIP").start("300ms", "4h")) {
                    Eventually.within(PATIENCE, () -> assertThat(vip.state().state()).isEqualTo("licensed"));
                    LicenseSummary summary = server.summary();
                    assertThat(summary.reserved()).isZero();
                    assertThat(summary.used()).isEqualTo(1);
                    assertThat(other.state().state()).isEqualTo("waiting");
                }
            }
        }
    }

    @Test
    void a_revoked_client_stops_its_recorder_and_is_licensed_again_once_reinstated() {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        try (ServerProcess server = new ServerProcess(work.resolve("server"), vendor).start()) {
            server.license(vendor, "REV-1", 3);
            try (ClientProcess client = ClientProcess.deploy(server, work, "PC-REVOKE").start("300ms", "1s")) {
                Eventually.within(PATIENCE, () -> assertThat(client.state().recorderRunning()).isTrue());

                server.adminSucceeds("revoke", "PC-REVOKE", "--reason", "left the company");

                Eventually.within(PATIENCE, () -> {
                    assertThat(client.state().state()).isEqualTo("revoked");
                    assertThat(client.state().recorderRunning()).isFalse();
                });
                assertThat(client.recorderLines()).last().asString().endsWith("stopped");
                assertThat(server.computer("PC-REVOKE").state()).isEqualTo(ComputerState.REVOKED);
                assertThat(server.computer("PC-REVOKE").reason()).contains("left the company");
                assertThat(server.summary().used()).isZero();

                server.adminSucceeds("reinstate", "PC-REVOKE");

                Eventually.within(PATIENCE, () -> assertThat(client.state().state()).isEqualTo("licensed"));
                assertThat(server.summary().used()).isEqualTo(1);
            }
        }
    }

    @Test
    void seats_of_computers_silent_longer_than_the_reclaim_period_go_to_waiting_computers() {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        try (ServerProcess server = new ServerProcess(work.resolve("server"), vendor,
                "--lease-validity", "4s", "--reclaim-after", "8s", "--reclaim-check-interval", "500ms").start()) {
            server.license(vendor, "RECL-1", 1);
            try (ClientProcess silent = ClientProcess.deploy(server, work, "PC-SILENT").start("300ms", "4h")) {
                Eventually.within(PATIENCE, () -> assertThat(silent.state().state()).isEqualTo("licensed"));
                // The next computer comes while the first one still checks in (every 2 s, half its lease), so it surely
                // waits however slowly it starts: the reclaim period runs only from the first one's falling silent.
                try (ClientProcess waiting = ClientProcess.deploy(server, work, "PC-NEXT").start("300ms", "4h")) {
                    Eventually.within(PATIENCE, () -> assertThat(waiting.state().state()).isEqualTo("waiting"));
                    silent.stop();

                    Eventually.within(PATIENCE, () -> assertThat(waiting.state().state()).isEqualTo("licensed"));
                    assertThat(server.computer("PC-SILENT").state()).isEqualTo(ComputerState.RECLAIMED);
                    assertThat(server.summary().used()).isEqualTo(1);
                    assertThat(server.adminSucceeds("audit", "--json")).contains("seat.reclaimed");
                }
            }
        }
    }
}
