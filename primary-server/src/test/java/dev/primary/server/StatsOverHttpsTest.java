package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.AccountRequest;
import dev.primary.protocol.admin.AccountRole;
import dev.primary.protocol.admin.AccountTokenRequest;
import dev.primary.protocol.admin.CreatedAccountToken;
import dev.primary.protocol.admin.HourlyStats;
import dev.primary.protocol.admin.HourlyStatsPage;
import dev.primary.protocol.admin.RecorderVersionCount;
import dev.primary.protocol.admin.RecorderVersions;
import dev.primary.protocol.admin.RolloutProgress;
import dev.primary.protocol.admin.RolloutView;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.Version;
import dev.primary.server.config.ServerConfiguration;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /admin/v1/stats} over real HTTPS on a real server and SQLite store: who may read it, what it answers, how it
 * refuses bad parameters, and that the counts of a running server reach the store when it stops.
 */
class StatsOverHttpsTest {
    @TempDir
    Path dataDirectory;
    private ServerConfiguration configuration;
    private LiveServer live;

    @BeforeEach
    void start() throws Exception {
        configuration = ServerConfiguration.onFreeLoopbackPorts(dataDirectory);
        live = LiveServer.startLicensed(configuration);
    }

    @AfterEach
    void stop() {
        if (live != null) {
            live.close();
        }
    }

    @Test
    void the_stats_need_a_token_and_a_viewer_reads_them() throws Exception {
        String viewer = viewerToken();

        for (String path : new String[] {"/admin/v1/stats/hourly", "/admin/v1/stats/recorder-versions"}) {
            HttpResponse<String> refused = live.admin.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(ProblemType.UNAUTHENTICATED.status());
            assertThat(read(refused, Problem.class).type()).isEqualTo(ProblemType.UNAUTHENTICATED.uri());
            HttpResponse<String> wrong = live.admin.get(path, bearer("not-a-token"));
            assertThat(wrong.statusCode()).as(path).isEqualTo(ProblemType.UNAUTHENTICATED.status());
            assertThat(live.admin.get(path, bearer(viewer)).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void recorder_versions_count_the_registered_computer_by_its_version() throws Exception {
        RecorderVersions versions = read(live.admin.get("/admin/v1/stats/recorder-versions", bearer(viewerToken())),
                RecorderVersions.class);

        assertThat(versions.computers()).isEqualTo(1);
        assertThat(versions.versions()).containsExactly(new RecorderVersionCount("V 1.0 (0001)", 1));
    }

    @Test
    void a_bad_or_reversed_range_is_400_naming_the_parameter() throws Exception {
        String viewer = viewerToken();

        HttpResponse<String> badFrom = live.admin.get("/admin/v1/stats/hourly?from=yesterday", bearer(viewer));
        HttpResponse<String> badTo = live.admin.get("/admin/v1/stats/hourly?to=2026-13-01", bearer(viewer));
        HttpResponse<String> reversed = live.admin.get(
                "/admin/v1/stats/hourly?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", bearer(viewer));

        assertThat(badFrom.statusCode()).as(badFrom.body()).isEqualTo(400);
        assertThat(read(badFrom, Problem.class).detail()).startsWith("from must be an ISO-8601 instant");
        assertThat(badTo.statusCode()).as(badTo.body()).isEqualTo(400);
        assertThat(read(badTo, Problem.class).detail()).startsWith("to must be an ISO-8601 instant");
        assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(400);
        assertThat(read(reversed, Problem.class).detail()).contains("from must be before to");
    }

    @Test
    void a_rollouts_progress_names_its_release_and_an_unknown_rollout_is_404() throws Exception {
        HttpResponse<String> release = live.publishRelease("recorder bytes".getBytes(StandardCharsets.UTF_8),
                new Version(1, 2, 345));
        assertThat(release.statusCode()).as(release.body()).isEqualTo(201);
        HttpResponse<String> started = live.admin.postJson("/admin/v1/rollouts",
                "{\"product\":\"recorder\",\"version\":{\"major\":1,\"minor\":2,\"build\":345},\"percent\":50}",
                live.bearer());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        long id = read(started, RolloutView.class).id();
        String viewer = viewerToken();

        RolloutProgress progress = read(live.admin.get("/admin/v1/stats/rollouts/" + id, bearer(viewer)),
                RolloutProgress.class);
        HttpResponse<String> unknown = live.admin.get("/admin/v1/stats/rollouts/" + (id + 100), bearer(viewer));
        HttpResponse<String> notANumber = live.admin.get("/admin/v1/stats/rollouts/first", bearer(viewer));

        assertThat(progress.id()).isEqualTo(id);
        assertThat(progress.version()).isEqualTo(new Version(1, 2, 345));
        assertThat(progress.percent()).isEqualTo(50);
        assertThat(progress.computers()).isEqualTo(progress.pending() + progress.downloading() + progress.installed()
                + progress.failed());
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(notANumber.statusCode()).as(notANumber.body()).isEqualTo(400);
    }

    @Test
    void the_registration_counted_in_memory_is_written_at_stop_and_the_hour_has_its_seat_sample() throws Exception {
        Instant before = Instant.now().minus(Duration.ofHours(1));
        live.close();
        live = null;

        try (PrimaryServer again = PrimaryServer.start(configuration, Clock.systemUTC())) {
            PinnedHttps admin = new PinnedHttps(again.adminUri(), again.tlsPin());
            String token = "Bearer " + java.nio.file.Files.readString(dataDirectory.resolve("admin-token")).strip();
            HttpResponse<String> answer = admin.get("/admin/v1/stats/hourly?from=" + before, "Authorization", token);

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            HourlyStatsPage page = read(answer, HourlyStatsPage.class);
            assertThat(page.hours().stream().mapToLong(HourlyStats::registrations).sum())
                    .as("the one registration of the first run").isEqualTo(1);
            assertThat(page.hours()).as("the first run sampled its hour as it started, before the license came")
                    .anySatisfy(hour -> assertThat(hour.seats()).isNotNull());
        }
    }

    private String viewerToken() throws Exception {
        HttpResponse<String> created = live.admin.postJson("/admin/v1/accounts",
                LiveServer.json(new AccountRequest("vera", AccountRole.VIEWER, "viewer-password-Kx81")), live.bearer());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> token = live.admin.postJson("/admin/v1/accounts/vera/tokens",
                LiveServer.json(new AccountTokenRequest("tests", 0)), live.bearer());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        return read(token, CreatedAccountToken.class).token();
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private static <T> T read(HttpResponse<String> answer, Class<T> type) {
        return Json.read(answer.body().getBytes(StandardCharsets.UTF_8), type);
    }
}
