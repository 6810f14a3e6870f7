package dev.primary.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.message.Version;
import org.junit.jupiter.api.Test;

class ProductVersionTest {

    @Test
    void the_text_is_the_maven_project_version_written_by_the_build() {
        assertThat(ProductVersion.text()).isEqualTo(System.getProperty("primary.expected.version"));
    }

    @Test
    void the_wire_form_drops_the_qualifier_and_keeps_the_patch_as_build_number() {
        assertThat(ProductVersion.wireFormOf("0.1.0-SNAPSHOT")).isEqualTo(new Version(0, 1, 0));
        assertThat(ProductVersion.wireFormOf("2.3.45")).isEqualTo(new Version(2, 3, 45));
        assertThat(ProductVersion.wireFormOf("1.4.12-rc1")).isEqualTo(new Version(1, 4, 12));
    }

    @Test
    void a_version_the_wire_cannot_carry_maps_to_none() {
        assertThat(ProductVersion.wireFormOf("1.2.10000")).isEqualTo(Version.NONE);
        assertThat(ProductVersion.wireFormOf("1.2")).isEqualTo(Version.NONE);
        assertThat(ProductVersion.wireFormOf("0.0.0-unknown")).isEqualTo(Version.NONE);
    }

    @Test
    void this_builds_wire_form_is_its_version_without_qualifier() {
        assertThat(ProductVersion.wire()).isEqualTo(ProductVersion.wireFormOf(ProductVersion.text()))
                .isNotEqualTo(Version.NONE);
    }
}
