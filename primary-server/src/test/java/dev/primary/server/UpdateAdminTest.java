package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.ReleaseView;
import dev.primary.protocol.admin.RolloutView;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.Version;
import dev.primary.server.config.ServerConfiguration;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The update admin routes on the real core: releases, rollouts, groups, and nudges that reach a client's nudge
 * port at the address it checked in from.
 */
class UpdateAdminTest {
    @TempDir
    static Path dataDirectory;

    static NudgeListener nudges;
    static LiveServer live;

    @BeforeAll
    static void start() throws Exception {
        nudges = new NudgeListener();
        live = LiveServer.startLicensed(ServerConfiguration.onFreeLoopbackPorts(dataDirectory), nudges.port());
        live.registerClient(Ed25519.generate(), "PC2", 0);
        HttpResponse<String> added = live.publishRelease("recorder 1.2.345".getBytes(StandardCharsets.UTF_8),
                new Version(1, 2, 345));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        live.close();
        nudges.close();
    }

    private static <T> T read(HttpResponse<String> response, Class<T> type) {
        return Json.read(response.body().getBytes(StandardCharsets.UTF_8), type);
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return live.admin.postJson(path, json, live.bearer());
    }

    @Test
    void update_now_nudges_the_computer_at_the_address_it_checked_in_from() throws Exception {
        HttpResponse<String> response = post("/admin/v1/computers/update-now", "{\"computer\":\"CORP\\\\PC1\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode answer = Json.mapper().readTree(response.body());
        assertThat(answer.get("nudged").asBoolean()).isTrue();
        assertThat(answer.get("detail").asText()).isEqualTo("nudged at 127.0.0.1:" + nudges.port()
                + "; it checks in within seconds");
        assertThat(nudges.next(5)).isEqualTo("nudge\n");
    }

    @Test
    void update_now_for_a_computer_without_a_nudge_port_says_it_waits_for_its_check_in() throws Exception {
        HttpResponse<String> response = post("/admin/v1/computers/update-now", "{\"computer\":\"CORP\\\\PC2\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode answer = Json.mapper().readTree(response.body());
        assertThat(answer.get("nudged").asBoolean()).isFalse();
        assertThat(answer.get("detail").asText()).contains("no nudge port").contains("next check-in");
    }

    @Test
    void a_started_rollout_nudges_the_computers_it_reaches_and_lists_with_the_release() throws Exception {
        while (nudges.next(0) != null) {
            // forget nudges of other tests
        }
        HttpResponse<String> started = post("/admin/v1/rollouts",
                "{\"product\":\"recorder\",\"version\":{\"major\":1,\"minor\":2,\"build\":345}}");

        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        RolloutView rollout = read(started, RolloutView.class);
        assertThat(rollout.state()).isEqualTo(RolloutView.State.RUNNING);
        assertThat(rollout.percent()).isEqualTo(100);
        assertThat(nudges.next(5)).as("the computer the rollout reaches is nudged").isEqualTo("nudge\n");
        List<RolloutView> listed = Json.mapper().readerForListOf(RolloutView.class)
                .readValue(live.admin.get("/admin/v1/rollouts", live.bearer()).body());
        assertThat(listed).extracting(RolloutView::id).contains(rollout.id());
        List<ReleaseView> releases = Json.mapper().readerForListOf(ReleaseView.class)
                .readValue(live.admin.get("/admin/v1/releases", live.bearer()).body());
        assertThat(releases).extracting(ReleaseView::version).containsExactly(new Version(1, 2, 345));
    }

    @Test
    void a_computer_is_put_in_a_group_and_its_view_says_so() throws Exception {
        HttpResponse<String> response = post("/admin/v1/computers/group",
                "{\"computer\":\"CORP\\\\PC2\",\"group\":\"pilot\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(read(response, ComputerView.class).group()).isEqualTo("pilot");
    }

    @Test
    void an_unsigned_release_is_refused_with_a_reason() throws Exception {
        HttpResponse<String> response = post("/admin/v1/releases",
                "{\"kind\":\"release\",\"keyId\":\"x\",\"payload\":\"e30\",\"signature\":\"AA\"}");

        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.body()).contains("urn:primary:problem:");
    }
}
