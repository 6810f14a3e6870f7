package dev.primary.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two {@code java.time} types the protocol, the files and the admin views carry: how they are written and read. */
class TimeValuesTest {
    record Times(Instant at, Duration period, List<Instant> more, Map<String, Duration> named) {}

    private static final Times TIMES = new Times(Instant.parse("2026-12-06T20:45:01.250Z"), Duration.ofHours(4),
            List.of(Instant.parse("2026-01-01T00:00:00Z")), Map.of("retry", Duration.ofMillis(250)));

    @Test
    void instants_are_iso_8601_strings_and_durations_are_seconds() {
        assertThat(new String(Json.write(TIMES), StandardCharsets.UTF_8)).isEqualTo(
                "{\"at\":\"2026-12-06T20:45:01.250Z\",\"period\":14400.000000000,"
                        + "\"more\":[\"2026-01-01T00:00:00Z\"],\"named\":{\"retry\":0.250000000}}");
    }

    @Test
    void both_read_back_from_what_is_written() {
        assertThat(Json.read(Json.write(TIMES), Times.class)).isEqualTo(TIMES);
        assertThat(read("{\"at\":\"2026-12-06T21:45:01+01:00\"}").at()).isEqualTo(Instant.parse("2026-12-06T20:45:01Z"));
        assertThat(read("{\"period\":\"PT4H\"}").period()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void a_time_that_is_not_one_is_refused() {
        assertThatThrownBy(() -> read("{\"at\":\"yesterday\"}")).isInstanceOf(MalformedJsonException.class);
        assertThatThrownBy(() -> read("{\"at\":true}")).isInstanceOf(MalformedJsonException.class);
        assertThatThrownBy(() -> read("{\"period\":\"four hours\"}")).isInstanceOf(MalformedJsonException.class);
    }

    private static Times read(String json) {
        return Json.read(json.getBytes(StandardCharsets.UTF_8), Times.class);
    }
}
