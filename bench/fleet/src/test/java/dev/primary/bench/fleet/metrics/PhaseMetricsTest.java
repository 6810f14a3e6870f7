package dev.primary.bench.fleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primary.bench.fleet.transport.Handshake;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhaseMetricsTest {
    @Test
    void latency_percentiles_are_in_milliseconds_of_the_successful_operations() {
        PhaseMetrics metrics = new PhaseMetrics();
        metrics.start();
        for (int millis = 1; millis <= 100; millis++) {
            metrics.success(millis * 1_000_000L);
        }
        metrics.failure(ErrorKind.TIMEOUT);
        MetricsSnapshot snapshot = metrics.snapshot();
        assertThat(snapshot.operations()).isEqualTo(100);
        assertThat(snapshot.latency().p50()).isCloseTo(50, within(0.1));
        assertThat(snapshot.latency().p99()).isCloseTo(99, within(0.1));
        assertThat(snapshot.latency().max()).isCloseTo(100, within(0.1));
    }

    @Test
    void errors_are_counted_by_kind_and_labelled_as_in_the_results() {
        PhaseMetrics metrics = new PhaseMetrics();
        metrics.failure(ErrorKind.CONNECT_REFUSED);
        metrics.failure(ErrorKind.CONNECT_REFUSED);
        metrics.failure(ErrorKind.HTTP_503);
        MetricsSnapshot snapshot = metrics.snapshot();
        assertThat(snapshot.errorCount()).isEqualTo(3);
        assertThat(snapshot.errorsByLabel()).containsExactly(Map.entry("connect-refused", 2L),
                Map.entry("http-503", 1L));
        assertThat(metrics.snapshotErrors()).isEqualTo(snapshot.errorsByLabel());
    }

    @Test
    void snapshots_accumulate_latency_across_reads() {
        PhaseMetrics metrics = new PhaseMetrics();
        metrics.success(10_000_000L);
        metrics.snapshot();
        metrics.success(30_000_000L);
        assertThat(metrics.snapshot().latency().max()).isCloseTo(30, within(0.1));
        assertThat(metrics.snapshot().operations()).isEqualTo(2);
    }

    @Test
    void handshakes_are_counted_by_kind_and_reused_connections_are_not_handshakes() {
        PhaseMetrics metrics = new PhaseMetrics();
        metrics.handshake(Handshake.FULL);
        metrics.handshake(Handshake.RESUMED);
        metrics.handshake(Handshake.RESUMED);
        metrics.handshake(Handshake.NONE);
        MetricsSnapshot snapshot = metrics.snapshot();
        assertThat(snapshot.fullHandshakes()).isEqualTo(1);
        assertThat(snapshot.resumedHandshakes()).isEqualTo(2);
        assertThat(snapshot.resumedShare()).isCloseTo(2 / 3.0, within(1e-9));
    }

    @Test
    void rates_are_per_second_of_the_phase() {
        MetricsSnapshot snapshot = new MetricsSnapshot(1_000, 5_000, Map.of(), 2.0,
                new PhaseMetrics.Latency(0, 0, 0), 0, 0);
        assertThat(snapshot.perSecond()).isEqualTo(500);
        assertThat(snapshot.bytesPerSecond()).isEqualTo(2_500);
        assertThat(new MetricsSnapshot(1, 0, Map.of(), 0, new PhaseMetrics.Latency(0, 0, 0), 0, 0).perSecond())
                .isZero();
    }
}
