package dev.primary.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionTest {
    @Test
    void no_version_is_shown_as_V_0_0_0000() {
        assertThat(Version.NONE.display()).isEqualTo("V 0.0 (0000)");
    }

    @Test
    void a_version_is_shown_with_a_four_digit_build() {
        assertThat(new Version(1, 2, 345).display()).isEqualTo("V 1.2 (0345)");
    }

    @Test
    void dotted_and_displayed_forms_parse_to_the_same_version() {
        assertThat(Version.parse("1.2.345")).isEqualTo(new Version(1, 2, 345));
        assertThat(Version.parse("V 1.2 (0345)")).isEqualTo(new Version(1, 2, 345));
        assertThat(Version.parse("1.2 (0345)")).isEqualTo(new Version(1, 2, 345));
    }

    @Test
    void versions_order_by_major_then_minor_then_build() {
        assertThat(Version.parse("1.10.0")).isGreaterThan(Version.parse("1.9.9999"));
        assertThat(Version.parse("2.0.0")).isGreaterThan(Version.parse("1.99.1"));
        assertThat(Version.parse("1.0.2")).isGreaterThan(Version.parse("1.0.1"));
    }

    @Test
    void a_build_number_of_five_digits_or_garbage_is_refused() {
        assertThatThrownBy(() -> new Version(1, 0, 10000)).hasMessageContaining("at most 4 digits");
        assertThatThrownBy(() -> Version.parse("one.two")).hasMessageContaining("must look like");
    }
}
