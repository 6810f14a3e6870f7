package dev.primary.bench.fleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class ServerSamplerTest {
    static final long SECOND = 1_000_000_000L;
    static final long OLD_SERVER = 100;
    static final long NEW_SERVER = 200;

    final ServerSampler sampler = new ServerSampler(() -> {
        throw new UncheckedIOException(new java.io.IOException("not used"));
    }, pid -> pid == NEW_SERVER);

    @Test
    void cpu_is_what_the_server_used_between_the_first_and_last_reading_and_memory_its_peak_and_end() {
        sampler.record(new UsageReading(OLD_SERVER, 10 * SECOND, 100));
        sampler.record(new UsageReading(OLD_SERVER, 11 * SECOND, 300));
        sampler.record(new UsageReading(OLD_SERVER, 12 * SECOND, 200));
        ServerSampler.ServerUsageSummary summary = sampler.summary(4.0);
        assertThat(summary.cpuSeconds()).isCloseTo(2.0, within(1e-9));
        assertThat(summary.cpuPercentOfOneCore()).isCloseTo(50.0, within(1e-9));
        assertThat(summary.peakResidentBytes()).isEqualTo(300);
        assertThat(summary.endResidentBytes()).isEqualTo(200);
    }

    @Test
    void a_server_restarted_during_the_phase_counts_both_processes_the_new_one_from_its_start() {
        sampler.record(new UsageReading(OLD_SERVER, 5 * SECOND, 100));
        sampler.record(new UsageReading(OLD_SERVER, 8 * SECOND, 100));
        sampler.record(new UsageReading(NEW_SERVER, 4 * SECOND, 50));
        sampler.record(new UsageReading(NEW_SERVER, 6 * SECOND, 60));
        assertThat(sampler.summary(10).cpuSeconds()).isCloseTo(3 + 6, within(1e-9));
    }

    @Test
    void samples_taken_while_the_server_is_down_are_skipped() {
        sampler.record(new UsageReading(OLD_SERVER, SECOND, 10));
        sampler.sample();
        ServerSampler.ServerUsageSummary summary = sampler.summary(1);
        assertThat(summary.peakResidentBytes()).isEqualTo(10);
        assertThat(summary.cpuSeconds()).isZero();
    }

    @Test
    void without_any_reading_the_summary_is_empty() {
        assertThat(sampler.summary(1)).isEqualTo(new ServerSampler.ServerUsageSummary(0, 0, 0, 0));
    }
}
