package dev.primary.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegistrationCodeTest {
    @Test
    void a_registration_code_is_bound_to_the_serial_and_the_installation() {
        RegistrationCode code = RegistrationCode.of("ACME-1", "install-a");

        assertThat(code.text()).matches("ACME-1/[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}");
        assertThat(RegistrationCode.of("ACME-1", "install-a")).isEqualTo(code);
        assertThat(RegistrationCode.of("ACME-1", "install-b")).isNotEqualTo(code);
        assertThat(RegistrationCode.of("ACME-2", "install-a").binding()).isNotEqualTo(code.binding());
    }

    @Test
    void a_registration_code_reads_back_from_its_text() {
        RegistrationCode code = RegistrationCode.of("ACME-1", "install-a");

        assertThat(RegistrationCode.parse("  " + code.text() + "\n")).isEqualTo(code);
        assertThatThrownBy(() -> RegistrationCode.parse("ACME-1")).hasMessageContaining("must look like");
    }
}
