package dev.primary.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.HourlyStats;
import dev.primary.protocol.admin.HourlyStatsPage;
import dev.primary.protocol.admin.RecorderVersionCount;
import dev.primary.protocol.admin.RecorderVersions;
import dev.primary.protocol.admin.RolloutProgress;
import dev.primary.protocol.admin.RolloutView;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** primary-admin's stats commands against a stand-in admin API: what each asks for and what it prints. */
class StatsCommandsTest {
    private static final Instant HOUR = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path temp;

    private static FakeAdminServer server;
    private Path dataDirectory;

    @BeforeAll
    static void startServer() {
        server = new FakeAdminServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void prepare() throws IOException {
        server.reset();
        dataDirectory = server.writeDataDirectory(temp.resolve("data"));
    }

    @Test
    void stats_hourly_asks_for_the_range_and_prints_one_line_per_hour_with_a_dash_for_an_unsampled_one() {
        server.answer("GET", "/admin/v1/stats/hourly", 200, new HourlyStatsPage(HOUR, HOUR.plusSeconds(7200), List.of(
                new HourlyStats(HOUR, 120, 3, 7, new HourlyStats.SeatSample(HOUR.plusSeconds(60), 2, 50, 40, 35, 5, 9)),
                new HourlyStats(HOUR.plusSeconds(3600), 80, 0, 1, null))));

        AdminRun run = admin("stats", "hourly", "--from", "2026-12-01T10:00:00Z", "--to", "2026-12-01T12:00:00Z");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(server.onlyRequest().pathAndQuery())
                .isEqualTo("/admin/v1/stats/hourly?from=2026-12-01T10%3A00%3A00Z&to=2026-12-01T12%3A00%3A00Z");
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("HOUR").contains("CHECK-INS", "USED", "WAITING");
        assertThat(lines.get(1).split("\\s+")).containsExactly("2026-12-01T10:00:00Z", "120", "3", "7", "2", "50",
                "40", "35", "5", "9");
        assertThat(lines.get(2).split("\\s+")).containsExactly("2026-12-01T11:00:00Z", "80", "0", "1", "-", "-", "-",
                "-", "-", "-");
    }

    @Test
    void stats_hourly_without_a_range_leaves_it_to_the_server_and_json_prints_its_answer() {
        HourlyStatsPage page = new HourlyStatsPage(HOUR, HOUR.plusSeconds(3600),
                List.of(new HourlyStats(HOUR, 1, 0, 0, null)));
        server.answer("GET", "/admin/v1/stats/hourly", 200, page);

        AdminRun run = admin("stats", "hourly", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(server.onlyRequest().pathAndQuery()).isEqualTo("/admin/v1/stats/hourly");
        assertThat(Json.read(run.out().getBytes(StandardCharsets.UTF_8), HourlyStatsPage.class)).isEqualTo(page);
    }

    @Test
    void a_range_the_server_refuses_exits_1_with_its_reason() {
        server.problem("GET", "/admin/v1/stats/hourly", ProblemType.MALFORMED_REQUEST,
                "from must be an ISO-8601 instant such as 2026-12-01T00:00:00Z, got \"yesterday\"");

        AdminRun run = admin("stats", "hourly", "--from", "yesterday");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("from must be an ISO-8601 instant");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void stats_versions_prints_each_version_with_its_computers_and_the_total() {
        server.answer("GET", "/admin/v1/stats/recorder-versions", 200, new RecorderVersions(5, List.of(
                new RecorderVersionCount("V 1.3 (0007)", 1), new RecorderVersionCount("V 0.0 (0000)", 4))));

        AdminRun run = admin("stats", "versions");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).hasSize(4);
        assertThat(run.out().lines().toList().get(1)).startsWith("V 1.3 (0007)").endsWith("1");
        assertThat(run.out().lines().toList().get(2)).startsWith("V 0.0 (0000)").endsWith("4");
        assertThat(run.out()).endsWith("Computers: 5\n");
    }

    @Test
    void stats_rollout_prints_the_counts_by_update_state() {
        server.answer("GET", "/admin/v1/stats/rollouts/4", 200, new RolloutProgress(4, Product.RECORDER,
                new Version(1, 3, 7), RolloutView.State.RUNNING, 50, 6, 1, 1, 3, 1));

        AdminRun run = admin("stats", "rollout", "4");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Rollout 4: recorder V 1.3 (0007) at 50%, running: 6 computers: pending 1, "
                + "downloading 1, installed 3, failed 1\n");
    }

    @Test
    void stats_rollout_without_an_id_is_a_usage_error_and_sends_nothing() {
        AdminRun run = admin("stats", "rollout");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ID");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void stats_help_names_its_commands() {
        AdminRun run = admin("stats", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("hourly", "versions", "rollout");
    }

    private AdminRun admin(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dataDirectory.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return AdminRun.of(all);
    }
}
