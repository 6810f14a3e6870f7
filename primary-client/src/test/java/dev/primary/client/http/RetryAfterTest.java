package dev.primary.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    @Test
    void whole_seconds_are_read_and_anything_else_is_no_wait() {
        assertThat(RetryAfter.parse("120")).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 7 ")).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(null)).isEmpty();
        assertThat(RetryAfter.parse("")).isEmpty();
        assertThat(RetryAfter.parse("-5")).isEmpty();
        assertThat(RetryAfter.parse("Wed, 21 Oct 2026 07:28:00 GMT")).isEmpty();
    }

    @Test
    void an_absurdly_long_wait_is_read_as_a_day() {
        assertThat(RetryAfter.parse("99999999999999999999")).contains(RetryAfter.MAX);
        assertThat(RetryAfter.parse("864000")).contains(RetryAfter.MAX);
    }
}
