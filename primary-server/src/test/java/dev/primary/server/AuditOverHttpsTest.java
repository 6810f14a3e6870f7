package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.AuditEntry;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import dev.primary.server.config.ServerConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /admin/v1/audit} with filters and {@code GET /admin/v1/audit.csv} on a real server (SQLite, TLS). */
class AuditOverHttpsTest {
    @TempDir
    Path dataDirectory;

    private PrimaryServer server;
    private PinnedHttps admin;
    private String bearer;

    @BeforeEach
    void start() throws Exception {
        server = PrimaryServer.start(ServerConfiguration.onFreeLoopbackPorts(dataDirectory), Clock.systemUTC());
        admin = new PinnedHttps(server.adminUri(), server.tlsPin());
        bearer = "Bearer " + Files.readString(dataDirectory.resolve("admin-token")).strip();
        for (String level : List.of("debug", "normal")) {
            HttpResponse<String> changed = admin.postJson("/admin/v1/log-level", "{\"level\":\"" + level + "\"}",
                    "Authorization", bearer);
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private List<AuditEntry> audit(String query) throws Exception {
        HttpResponse<String> answer = admin.get("/admin/v1/audit" + query, "Authorization", bearer);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Arrays.asList(Json.read(answer.body().getBytes(StandardCharsets.UTF_8), AuditEntry[].class));
    }

    @Test
    void the_trail_is_filtered_by_actor_and_action_and_time() throws Exception {
        List<AuditEntry> changes = audit("?actor=host-admin&action=log-level.changed");
        assertThat(changes).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo("host-admin");
            assertThat(entry.action()).isEqualTo("log-level.changed");
        });
        assertThat(changes.get(0).id()).as("newest first").isGreaterThan(changes.get(1).id());
        assertThat(audit("?actor=nobody")).isEmpty();
        assertThat(audit("?action=log-level.changed&from=2000-01-01&to=2000-01-02")).isEmpty();
        assertThat(audit("?action=log-level.changed&from=2000-01-01T00:00:00Z")).hasSize(2);
    }

    @Test
    void a_bad_filter_is_400_naming_the_parameter() throws Exception {
        for (String[] bad : List.of(new String[] {"from=yesterday", "from"}, new String[] {"to=2026-13-01", "to"},
                new String[] {"from=2026-12-02&to=2026-12-01", "to"}, new String[] {"before=-1", "before"},
                new String[] {"actor=a%00b", "actor"})) {
            HttpResponse<String> refused = admin.get("/admin/v1/audit.csv?" + bad[0], "Authorization", bearer);
            assertThat(refused.statusCode()).as(bad[0]).isEqualTo(400);
            Problem problem = Json.read(refused.body().getBytes(StandardCharsets.UTF_8), Problem.class);
            assertThat(problem.knownType()).hasValue(ProblemType.MALFORMED_REQUEST);
            assertThat(problem.detail()).as(bad[0]).startsWith(bad[1] + " ");
        }
    }

    @Test
    void the_csv_export_has_the_same_rows_and_no_next_cursor_on_its_last_part() throws Exception {
        HttpResponse<String> csv = admin.get("/admin/v1/audit.csv?action=log-level.changed", "Authorization", bearer);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(csv.headers().firstValue("X-Audit-Next-Before")).as("one part only").isEmpty();
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("id,at,actor,action,subject,detail,source");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains(",host-admin,log-level.changed,").as("from where").endsWith(",127.0.0.1");
        assertThat(admin.get("/admin/v1/audit.csv").statusCode()).as("without a token").isEqualTo(401);
    }
}
