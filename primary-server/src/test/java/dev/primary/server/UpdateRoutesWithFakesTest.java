package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.RolloutView;
import dev.primary.protocol.json.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which admin route calls which use case of the release core, and when the edge nudges; with fakes of the core. */
class UpdateRoutesWithFakesTest {
    @TempDir
    static Path dataDirectory;

    static RunningServer running;
    static NudgeListener nudges;

    @BeforeAll
    static void start() throws Exception {
        running = RunningServer.start(dataDirectory);
        nudges = new NudgeListener();
    }

    @AfterAll
    static void stop() throws Exception {
        running.close();
        nudges.close();
    }

    @BeforeEach
    void reset() throws InterruptedException {
        running.core.releases.actions.clear();
        running.core.releases.rolloutTargets.clear();
        running.core.releases.rolloutTargets.add(nudges.address());
        while (nudges.next(0) != null) {
            // forget earlier nudges
        }
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return running.admin.postJson(path, json, "Authorization", "Bearer " + running.adminToken());
    }

    private long startRollout(int percent) throws Exception {
        HttpResponse<String> started = post("/admin/v1/rollouts", "{\"product\":\"recorder\","
                + "\"version\":{\"major\":1,\"minor\":2,\"build\":3},\"percent\":" + percent + "}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return Json.read(started.body().getBytes(StandardCharsets.UTF_8), RolloutView.class).id();
    }

    @Test
    void raising_a_rollouts_percent_nudges_and_lowering_it_does_not() throws Exception {
        long id = startRollout(10);
        assertThat(nudges.next(5)).isEqualTo("nudge\n");

        HttpResponse<String> raised = post("/admin/v1/rollouts/" + id + "/percent", "{\"percent\":50}");
        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(200);
        assertThat(nudges.next(5)).isEqualTo("nudge\n");

        post("/admin/v1/rollouts/" + id + "/percent", "{\"percent\":20}");
        assertThat(nudges.next(1)).isNull();
        assertThat(running.core.releases.actions).containsExactly("start rollout by host-admin", "rollout targets " + id,
                "percent " + id + " 50", "rollout targets " + id, "percent " + id + " 20");
    }

    @Test
    void a_resumed_rollout_nudges_and_a_paused_one_does_not() throws Exception {
        long id = startRollout(100);
        assertThat(nudges.next(5)).isNotNull();

        assertThat(post("/admin/v1/rollouts/" + id + "/pause", "").statusCode()).isEqualTo(200);
        assertThat(nudges.next(1)).isNull();
        HttpResponse<String> resumed = post("/admin/v1/rollouts/" + id + "/resume", "");

        assertThat(resumed.statusCode()).isEqualTo(200);
        assertThat(Json.read(resumed.body().getBytes(StandardCharsets.UTF_8), RolloutView.class).state())
                .isEqualTo(RolloutView.State.RUNNING);
        assertThat(nudges.next(5)).isEqualTo("nudge\n");
    }

    @Test
    void a_revoked_computer_is_nudged_so_it_learns_at_once() throws Exception {
        running.core.releases.nudgeTargets.put("CORP\\PC9", nudges.address());

        HttpResponse<String> revoked = post("/admin/v1/computers/revoke", "{\"computer\":\"CORP\\\\PC9\",\"reason\":\"stolen\"}");

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(revoked.body()).contains(ComputerState.REVOKED.wireName());
        assertThat(nudges.next(5)).isEqualTo("nudge\n");
        assertThat(running.core.releases.actions).contains("nudge target CORP\\PC9");
    }

    @Test
    void a_rollout_id_that_is_not_a_number_is_400() throws Exception {
        HttpResponse<String> response = post("/admin/v1/rollouts/abc/pause", "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("rollout id must be a whole number");
    }

    @Test
    void update_routes_need_the_admin_token() throws Exception {
        assertThat(running.admin.get("/admin/v1/releases").statusCode()).isEqualTo(401);
        assertThat(running.admin.postJson("/admin/v1/computers/update-now", "{\"computer\":\"PC1\"}").statusCode())
                .isEqualTo(401);
    }
}
