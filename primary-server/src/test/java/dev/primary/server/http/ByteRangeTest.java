package dev.primary.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ByteRangeTest {
    private static Optional<ByteRange> range(String header, long size) {
        return ByteRange.of(Optional.of(header), size);
    }

    @Test
    void no_header_or_another_unit_means_the_whole_file() {
        assertThat(ByteRange.of(Optional.empty(), 100)).isEmpty();
        assertThat(range("items=0-5", 100)).isEmpty();
    }

    @Test
    void open_closed_and_suffix_ranges_select_their_bytes_clipped_to_the_file() {
        assertThat(range("bytes=10-", 100)).hasValue(new ByteRange(10, 99));
        assertThat(range("bytes=10-19", 100)).hasValue(new ByteRange(10, 19));
        assertThat(range("bytes=90-500", 100)).hasValue(new ByteRange(90, 99));
        assertThat(range("bytes=-30", 100)).hasValue(new ByteRange(70, 99));
        assertThat(range("bytes=-300", 100)).hasValue(new ByteRange(0, 99));
        assertThat(range("Bytes=0-0", 100)).hasValue(new ByteRange(0, 0));
        assertThat(new ByteRange(10, 19).length()).isEqualTo(10);
        assertThat(new ByteRange(10, 19).contentRange(100)).isEqualTo("bytes 10-19/100");
    }

    @Test
    void a_last_byte_beyond_the_end_however_large_is_clamped_to_the_last_byte_as_rfc_9110_says() {
        assertThat(range("bytes=99-9223372036854775807", 100)).hasValue(new ByteRange(99, 99));
        assertThat(range("bytes=99-99999999999999999999", 100)).hasValue(new ByteRange(99, 99));
        assertThat(range("bytes=0-" + "9".repeat(40), 100)).hasValue(new ByteRange(0, 99));
        assertThat(range("bytes=-" + "9".repeat(40), 100)).hasValue(new ByteRange(0, 99));
    }

    @Test
    void a_range_that_selects_nothing_or_is_malformed_or_multiple_is_416_with_the_size() {
        for (String header : new String[] {"bytes=100-", "bytes=20-10", "bytes=-0", "bytes=abc", "bytes=-",
                "bytes=0-1,5-6", "bytes=99999999999999999999-"}) {
            assertThatThrownBy(() -> range(header, 100)).as(header)
                    .isInstanceOf(RangeNotSatisfiableException.class)
                    .satisfies(e -> assertThat(((RangeNotSatisfiableException) e).headers())
                            .containsEntry("Content-Range", "bytes */100"));
        }
        assertThatThrownBy(() -> range("bytes=0-", 0)).isInstanceOf(RangeNotSatisfiableException.class);
    }
}
