package dev.primary.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReadDeadlinesTest {
    private final ReadDeadlines deadlines = new ReadDeadlines(Duration.ofSeconds(20), Duration.ofSeconds(20), 1024);

    @Test
    void a_body_has_its_starting_allowance_before_any_byte_arrives() {
        assertThat(deadlines.bodyAllowanceNanos(0)).isEqualTo(Duration.ofSeconds(20).toNanos());
    }

    @Test
    void every_min_rate_bytes_received_earn_the_body_one_more_second() {
        assertThat(deadlines.bodyAllowanceNanos(10 * 1024)).isEqualTo(Duration.ofSeconds(30).toNanos());
        assertThat(deadlines.bodyAllowanceNanos(512)).isEqualTo(Duration.ofMillis(20_500).toNanos());
    }

    @Test
    void a_two_gigabyte_upload_at_the_minimum_rate_fits_without_overflow() {
        long twoGiB = 2L * 1024 * 1024 * 1024;

        assertThat(deadlines.bodyAllowanceNanos(twoGiB)).isEqualTo(Duration.ofSeconds(20 + twoGiB / 1024).toNanos());
        assertThat(deadlines.bodyAllowanceNanos(Long.MAX_VALUE)).isPositive();
    }
}
