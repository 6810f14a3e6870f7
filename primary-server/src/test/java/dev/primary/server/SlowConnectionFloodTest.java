package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.LicenseSummary;
import dev.primary.protocol.admin.TrafficCounters;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.tls.PinnedTls;
import dev.primary.server.config.ConnectionLimits;
import dev.primary.server.config.ServerConfiguration;
import dev.primary.testkit.SlowRequests;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of slow connections (TLS done, then a request head sent a byte at a time and never finished) held
 * against the client port of a real server: the licensed client still verifies, the admin API still answers, and
 * connections over the caps are closed at once and counted.
 */
class SlowConnectionFloodTest {
    private static final int SOURCES = 10;
    private static final int PER_SOURCE = 300;
    private static final int HELD = SOURCES * PER_SOURCE;
    private static final int TOTAL = HELD + 50;

    @TempDir
    Path dataDirectory;

    @Test
    void thousands_of_slow_connections_leave_verify_and_the_admin_api_answering_and_more_are_refused()
            throws Exception {
        // Deadlines longer than the test: the flood must be held, not timed out, while the ports are checked.
        ServerConfiguration configuration = ServerConfiguration.onFreeLoopbackPorts(dataDirectory).toBuilder()
                .connectionLimits(ConnectionLimits.DEFAULT.withClientCaps(TOTAL, PER_SOURCE)
                        .withDeadlines(Duration.ofMinutes(2), Duration.ofMinutes(2), 1024))
                .build();
        try (LiveServer live = LiveServer.startLicensed(configuration);
                SlowRequests flood = new SlowRequests(PinnedTls.trusting(live.server.tlsPin()).getSocketFactory(),
                        live.server.clientPort())) {
            for (int source = 0; source < SOURCES; source++) {
                assertThat(flood.open(sourceAddress(source), PER_SOURCE)).as("refused within the caps").isZero();
                flood.trickle();
            }

            assertThat(flood.open(sourceAddress(0), 1)).as("a connection over the cap per source is refused")
                    .isEqualTo(1);
            flood.trickle();

            assertThat(live.verifyClient("any").statusCode()).as("the licensed client verifies").isEqualTo(200);
            assertSummaryAnswers(live);

            int refusedOverTotal = flood.open("127.0.1.1", 100);
            assertThat(refusedOverTotal).as("connections over the total cap are refused")
                    .isGreaterThanOrEqualTo(100 - (TOTAL - HELD));
            assertThat(counters(live).refusedConnections()).as("every refusal is counted")
                    .isEqualTo(1 + refusedOverTotal);
            assertSummaryAnswers(live);
            flood.trickle();
            assertThat(flood.closedByServer()).as("the flood within the caps is still held").isZero();
            assertThat(counters(live).timedOutRequests()).isZero();
        }
    }

    private static String sourceAddress(int source) {
        return "127.0.0." + (2 + source);
    }

    private static void assertSummaryAnswers(LiveServer live) throws Exception {
        HttpResponse<String> summary = live.admin.get("/admin/v1/summary", live.bearer());
        assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
        assertThat(Json.read(summary.body().getBytes(StandardCharsets.UTF_8), LicenseSummary.class).used())
                .isEqualTo(1);
    }

    private static TrafficCounters counters(LiveServer live) throws Exception {
        HttpResponse<String> counters = live.admin.get("/admin/v1/counters", live.bearer());
        assertThat(counters.statusCode()).as(counters.body()).isEqualTo(200);
        return Json.read(counters.body().getBytes(StandardCharsets.UTF_8), TrafficCounters.class);
    }
}
