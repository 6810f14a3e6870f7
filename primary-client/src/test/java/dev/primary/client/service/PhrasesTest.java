package dev.primary.client.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PhrasesTest {
    @Test
    void durations_read_in_their_two_largest_units() {
        assertThat(Phrases.duration(Duration.ofMillis(250))).isEqualTo("250 ms");
        assertThat(Phrases.duration(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(Phrases.duration(Duration.ofSeconds(7500))).isEqualTo("2 h 5 min");
        assertThat(Phrases.duration(Duration.ofDays(3).plusSeconds(5))).isEqualTo("3 d");
        assertThat(Phrases.duration(Duration.ofHours(24))).isEqualTo("1 d");
    }

    @Test
    void places_in_line_read_as_ordinals() {
        assertThat(Phrases.ordinal(1)).isEqualTo("1st");
        assertThat(Phrases.ordinal(2)).isEqualTo("2nd");
        assertThat(Phrases.ordinal(3)).isEqualTo("3rd");
        assertThat(Phrases.ordinal(4)).isEqualTo("4th");
        assertThat(Phrases.ordinal(11)).isEqualTo("11th");
        assertThat(Phrases.ordinal(12)).isEqualTo("12th");
        assertThat(Phrases.ordinal(22)).isEqualTo("22nd");
    }

    @Test
    void times_read_to_the_second() {
        assertThat(Phrases.time(Instant.parse("2026-11-28T10:15:30.123456Z"))).isEqualTo("2026-11-28T10:15:30Z");
        assertThat(Phrases.time(null)).isEqualTo("never");
    }
}
