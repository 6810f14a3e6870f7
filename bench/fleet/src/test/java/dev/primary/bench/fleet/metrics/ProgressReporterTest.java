package dev.primary.bench.fleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.testkit.Eventually;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
    @Test
    void a_line_says_elapsed_time_done_of_total_rate_and_errors_by_kind() {
        Map<String, Long> errors = new LinkedHashMap<>();
        errors.put("connect-refused", 1_200L);
        errors.put("http-503", 3L);
        assertThat(ProgressReporter.line("steady (reuse)", 12.04, 45_000, 100_000, 3_751.4, errors))
                .isEqualTo("steady (reuse)    12.0 s  45,000/100,000  3,751/s  errors 1,203 "
                        + "(connect-refused 1200, http-503 3)");
    }

    @Test
    void a_phase_without_a_known_total_shows_only_what_is_done() {
        assertThat(ProgressReporter.line("outage", 3, 10, -1, 0, Map.of())).isEqualTo("outage     3.0 s  10  0/s  errors 0");
    }

    @Test
    void it_prints_once_a_second_until_closed() throws InterruptedException {
        StringWriter text = new StringWriter();
        PhaseMetrics metrics = new PhaseMetrics();
        metrics.start();
        long started = System.nanoTime();
        Duration firstLineAfter;
        try (ProgressReporter reporter = ProgressReporter.start("test", metrics, 10, new PrintWriter(text))) {
            // Waits for the first line itself: a fixed pause is too short or too long on a loaded machine.
            Eventually.within(Duration.ofMinutes(1), () -> assertThat(text.toString()).endsWith(System.lineSeparator()));
            firstLineAfter = Duration.ofNanos(System.nanoTime() - started);
        }
        String atClose = text.toString();
        assertThat(firstLineAfter).as("not before its first second").isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(atClose).startsWith("test").contains("0/10").endsWith(System.lineSeparator());
        Thread.sleep(1_200);
        assertThat(text.toString()).as("nothing more once closed").isEqualTo(atClose);
    }
}
