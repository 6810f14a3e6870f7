package dev.primary.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ComputerIdentityTest {
    @Test
    void names_compare_without_regard_to_case() {
        assertThat(ComputerIdentity.computer("PC-1", "CORP").key())
                .isEqualTo(ComputerIdentity.computer("pc-1", "corp").key());
    }

    @Test
    void a_per_user_seat_is_a_different_holder_from_its_computer() {
        ComputerIdentity computer = ComputerIdentity.computer("TS-1", "CORP");
        ComputerIdentity user = new ComputerIdentity("TS-1", "CORP", "alice");

        assertThat(user.key()).isNotEqualTo(computer.key());
        assertThat(user.perUser()).isTrue();
        assertThat(user.display()).isEqualTo("CORP\\TS-1\\alice");
    }

    @Test
    void the_three_written_forms_parse() {
        assertThat(ComputerIdentity.parse("PC-1")).isEqualTo(ComputerIdentity.computer("PC-1", ""));
        assertThat(ComputerIdentity.parse("CORP\\PC-1")).isEqualTo(ComputerIdentity.computer("PC-1", "CORP"));
        assertThat(ComputerIdentity.parse("CORP\\TS-1\\bob")).isEqualTo(new ComputerIdentity("TS-1", "CORP", "bob"));
    }

    @Test
    void a_name_with_forbidden_characters_is_refused_with_the_rule() {
        assertThatThrownBy(() -> ComputerIdentity.computer("PC 1", "CORP")).hasMessageContaining("computer name must be");
        assertThatThrownBy(() -> ComputerIdentity.computer("", "CORP")).hasMessageContaining("computer name must be");
        assertThatThrownBy(() -> ComputerIdentity.computer("x".repeat(64), "")).hasMessageContaining("1-63");
    }
}
