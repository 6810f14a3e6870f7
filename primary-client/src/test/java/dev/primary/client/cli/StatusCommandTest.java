package dev.primary.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.config.ClientConfiguration;
import dev.primary.client.home.StateDocument;
import dev.primary.client.home.StateFile;
import dev.primary.client.service.ClientState;
import dev.primary.client.service.ClientStatus;
import dev.primary.client.testing.TestInstall;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.UpdateReport;
import dev.primary.protocol.release.UpdateState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {
    private static final ClientConfiguration.Server SERVER = new ClientConfiguration.Server("primary.corp", 16770,
            "sha256/" + "A".repeat(43), "B".repeat(43), "server-1");
    private static final ClientStatus LICENSED = new ClientStatus(ClientState.LICENSED,
            "licensed until 2026-12-05T10:00:00Z", "primary.corp:16770", "client-1", "CORP\\PC1",
            Instant.parse("2026-11-28T10:00:00Z"), Instant.parse("2026-11-28T10:00:00Z"), null,
            Instant.parse("2026-11-28T14:00:00Z"), Instant.parse("2026-12-05T10:00:00Z"), true, new Version(1, 0, 1),
            Instant.parse("2026-11-28T10:00:01Z"), 1764324000000L);

    @TempDir
    Path home;

    @Test
    void human_output_shows_aligned_key_value_lines() {
        TestInstall.configuration(SERVER, List.of("recorder"));
        dev.primary.client.config.ClientConfigurationFile.in(home).write(TestInstall.configuration(SERVER, List.of("recorder")));
        new StateFile(home.resolve("state.json")).save(LICENSED);

        CliRun run = CliRun.of("status", "--home", home.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "state:         licensed",
                "server:        primary.corp:16770",
                "computer:      CORP\\PC1",
                "client id:     client-1",
                "enrollment:    no token",
                "last contact:  2026-11-28T10:00:00Z",
                "last attempt:  2026-11-28T10:00:00Z",
                "next contact:  2026-11-28T14:00:00Z",
                "lease expires: 2026-12-05T10:00:00Z",
                "recorder:      running, V 1.0 (0001)",
                "installed:     V 1.0 (0001)",
                "updates:       none pending",
                "content:       none",
                "reason:        licensed until 2026-12-05T10:00:00Z");
    }

    @Test
    void human_output_shows_the_installed_version_the_pending_updates_and_the_content_revision() {
        dev.primary.client.config.ClientConfigurationFile.in(home).write(TestInstall.configuration(SERVER, List.of("recorder")));
        ClientStatus updating = new ClientStatus(LICENSED.state(), LICENSED.reason(), LICENSED.server(),
                LICENSED.clientId(), LICENSED.computer(), LICENSED.lastAttempt(), LICENSED.lastSuccessfulContact(), null,
                LICENSED.nextContact(), LICENSED.leaseExpiresAt(), false, Version.NONE, LICENSED.highestTimeSeen(),
                LICENSED.lastSequence(), new Version(1, 0, 1), 7, List.of(
                        new UpdateReport(Product.RECORDER, new Version(1, 2, 345), 4, UpdateState.FAILED,
                                "Recorder V 1.2 (0345) exited with code 1 after 0.2 s; rolled back to V 1.0 (0001)"),
                        new UpdateReport(Product.CLIENT_SERVICE, new Version(0, 2, 0), 5, UpdateState.DOWNLOADING,
                                "downloading 2048 bytes")));
        new StateFile(home.resolve("state.json")).save(updating);

        CliRun run = CliRun.of("status", "--home", home.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).contains(
                "recorder:      not running (V 0.0 (0000))",
                "installed:     V 1.0 (0001)",
                "updates:       recorder V 1.2 (0345) failed: Recorder V 1.2 (0345) exited with code 1 after 0.2 s; "
                        + "rolled back to V 1.0 (0001); client-service V 0.2 (0000) downloading: downloading 2048 bytes",
                "content:       revision 7");
    }

    @Test
    void json_output_is_the_state_file() {
        dev.primary.client.config.ClientConfigurationFile.in(home).write(TestInstall.configuration(SERVER, List.of("recorder")));
        new StateFile(home.resolve("state.json")).save(LICENSED);

        CliRun run = CliRun.of("status", "--home", home.toString(), "--json");

        assertThat(run.exitCode()).isZero();
        StateDocument document = Json.read(run.out().getBytes(StandardCharsets.UTF_8), StateDocument.class);
        assertThat(document.toStatus()).isEqualTo(LICENSED);
        assertThat(run.out()).contains("\"state\" : \"licensed\"").doesNotContain("unreachableSince");
    }

    @Test
    void a_client_that_never_ran_is_shown_as_not_run_yet() {
        dev.primary.client.config.ClientConfigurationFile.in(home).write(TestInstall.configuration(SERVER, List.of("recorder")));

        CliRun run = CliRun.of("status", "--home", home.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("state:         unlicensed", "recorder:      not running (V 0.0 (0000))",
                "reason:        the Client Service has not run yet", "next contact:  none (the Client Service is not running)",
                "installed:     V 1.0 (0001)", "updates:       none pending");
    }

    @Test
    void a_directory_without_a_client_fails_with_one_line() {
        CliRun run = CliRun.of("status", "--home", home.toString(), "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines()).singleElement().asString()
                .isEqualTo("client-service: no Client Service is installed in " + home + " (no client.json)");
    }

    @Test
    void with_several_servers_it_shows_the_one_in_use_and_the_list() {
        ClientConfiguration.Server fleet = new ClientConfiguration.Server("primary-a.corp", 16770, SERVER.tlsPin(),
                SERVER.serverKey(), SERVER.serverId(), List.of(), List.of("primary-b.corp:16771"));
        dev.primary.client.config.ClientConfigurationFile.in(home).write(TestInstall.configuration(fleet, List.of("recorder")));
        ClientStatus onB = new ClientStatus(LICENSED.state(), LICENSED.reason(), "primary-b.corp:16771 (10.0.0.8)",
                LICENSED.clientId(), LICENSED.computer(), LICENSED.lastAttempt(), LICENSED.lastSuccessfulContact(), null,
                LICENSED.nextContact(), LICENSED.leaseExpiresAt(), true, LICENSED.recorderVersion(),
                LICENSED.highestTimeSeen(), LICENSED.lastSequence());
        new StateFile(home.resolve("state.json")).save(onB);

        CliRun run = CliRun.of("status", "--home", home.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).contains("server:        primary-b.corp:16771 (10.0.0.8) (in use; servers: "
                + "primary-a.corp:16770, primary-b.corp:16771)");
    }

    @Test
    void the_server_line_tells_none_answering_and_a_repointed_list_apart() {
        List<String> fleet = List.of("a.corp:16770", "b.corp:16770");

        assertThat(StatusCommand.serverLine("any of a.corp:16770, b.corp:16770", fleet))
                .isEqualTo("none in use (servers: a.corp:16770, b.corp:16770)");
        assertThat(StatusCommand.serverLine("old.corp:16770", fleet))
                .isEqualTo("servers: a.corp:16770, b.corp:16770 (re-pointed; the state below is from old.corp:16770)");
        assertThat(StatusCommand.serverLine("a.corp:16770", List.of("a.corp:16770"))).isEqualTo("a.corp:16770");
    }

    @Test
    void a_client_with_several_servers_that_never_ran_uses_none_yet() {
        ClientConfiguration.Server fleet = new ClientConfiguration.Server("primary-a.corp", 16770, SERVER.tlsPin(),
                SERVER.serverKey(), SERVER.serverId(), List.of(), List.of("primary-b.corp"));
        dev.primary.client.config.ClientConfigurationFile.in(home).write(TestInstall.configuration(fleet, List.of("recorder")));

        CliRun run = CliRun.of("status", "--home", home.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).contains("server:        none in use (servers: primary-a.corp:16770, "
                + "primary-b.corp:16770)");
    }
}
