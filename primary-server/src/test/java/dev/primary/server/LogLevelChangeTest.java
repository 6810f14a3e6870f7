package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.primary.protocol.admin.AuditEntry;
import dev.primary.protocol.admin.LogLevel;
import dev.primary.protocol.admin.LogLevelView;
import dev.primary.protocol.json.Json;
import dev.primary.server.config.ServerConfiguration;
import dev.primary.server.http.ProblemResponses;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The running server's log level, read and changed over the admin API of a real server; Logback is the real one. */
class LogLevelChangeTest {
    private static final String PATH = "/admin/v1/log-level";

    @TempDir
    Path dataDirectory;

    private final LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Map<String, Level> levelsBefore = new HashMap<>();
    private final ListAppender<ILoggingEvent> refusals = new ListAppender<>();
    private Logger refusalLogger;
    private LiveServer live;

    @BeforeEach
    void start() throws Exception {
        logback.getLoggerList().forEach(logger -> levelsBefore.put(logger.getName(), logger.getLevel()));
        refusalLogger = logback.getLogger(ProblemResponses.class);
        refusals.start();
        refusalLogger.addAppender(refusals);
        live = LiveServer.startLicensed(ServerConfiguration.onFreeLoopbackPorts(dataDirectory));
    }

    /** The test's own logging comes back, so that other tests in this JVM log as configured. */
    @AfterEach
    void stop() {
        refusalLogger.detachAppender(refusals);
        logback.getLoggerList().forEach(logger -> logger.setLevel(levelsBefore.get(logger.getName())));
        live.close();
    }

    @Test
    void debug_lines_of_the_servers_own_loggers_appear_once_the_level_is_raised_to_debug_and_the_change_is_audited()
            throws Exception {
        assertThat(requestUnknownComputer().statusCode()).isEqualTo(404);
        assertThat(refusals.list).as("DEBUG lines before the change").isEmpty();

        HttpResponse<String> changed = live.admin.postJson(PATH, "{\"level\":\"debug\"}", live.bearer());

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(read(changed, LogLevelView.class)).isEqualTo(new LogLevelView(LogLevel.DEBUG, LogLevel.NORMAL));
        assertThat(read(live.admin.get(PATH, live.bearer()), LogLevelView.class))
                .isEqualTo(new LogLevelView(LogLevel.DEBUG, LogLevel.NORMAL));
        assertThat(requestUnknownComputer().statusCode()).isEqualTo(404);
        assertThat(refusals.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(event.getFormattedMessage()).contains("/admin/v1/computers/NOPE refused: 404");
        });
        assertThat(logLevelChanges()).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("host-admin");
            assertThat(entry.subject()).isEqualTo("log level");
            assertThat(entry.detail()).isEqualTo("normal -> debug until the server restarts (configured: normal)");
        });
    }

    @Test
    void low_keeps_the_start_and_stop_lines_and_silences_the_other_info_lines() throws Exception {
        HttpResponse<String> changed = live.admin.postJson(PATH, "{\"level\":\"low\"}", live.bearer());

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(LoggerFactory.getLogger(PrimaryServer.class).isInfoEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger(ReclaimSchedule.class).isInfoEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger(ReclaimSchedule.class).isWarnEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger("io.netty.channel.Foo").isWarnEnabled()).isTrue();

        assertThat(live.admin.postJson(PATH, "{\"level\":\"normal\"}", live.bearer()).statusCode()).isEqualTo(200);
        assertThat(LoggerFactory.getLogger(ReclaimSchedule.class).isInfoEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger(ReclaimSchedule.class).isDebugEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("io.netty.channel.Foo").isInfoEnabled()).isFalse();
        assertThat(logLevelChanges()).extracting(AuditEntry::detail).containsExactly(
                "low -> normal until the server restarts (configured: normal)",
                "normal -> low until the server restarts (configured: normal)");
    }

    @Test
    void another_level_is_400_naming_the_allowed_ones_and_changes_and_audits_nothing() throws Exception {
        HttpResponse<String> refused = live.admin.postJson(PATH, "{\"level\":\"verbose\"}", live.bearer());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("malformed-request").contains("low, normal or debug")
                .contains("\\\"verbose\\\"");
        assertThat(read(live.admin.get(PATH, live.bearer()), LogLevelView.class).level()).isEqualTo(LogLevel.NORMAL);
        assertThat(logLevelChanges()).isEmpty();
    }

    @Test
    void asking_for_the_current_level_changes_and_audits_nothing() throws Exception {
        HttpResponse<String> same = live.admin.postJson(PATH, "{\"level\":\"normal\"}", live.bearer());

        assertThat(same.statusCode()).as(same.body()).isEqualTo(200);
        assertThat(logLevelChanges()).isEmpty();
    }

    private HttpResponse<String> requestUnknownComputer() throws Exception {
        return live.admin.get("/admin/v1/computers/NOPE", live.bearer());
    }

    private List<AuditEntry> logLevelChanges() throws Exception {
        return Arrays.stream(read(live.admin.get("/admin/v1/audit", live.bearer()), AuditEntry[].class))
                .filter(entry -> entry.action().equals("log-level.changed")).toList();
    }

    private static <T> T read(HttpResponse<String> response, Class<T> type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.read(response.body().getBytes(StandardCharsets.UTF_8), type);
    }
}
