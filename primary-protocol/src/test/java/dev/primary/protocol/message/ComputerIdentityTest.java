package dev.primary.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(strings = {"P", "7", "PC-1", "pc_1.corp", "a-", "a.", "a_"})
    void a_computer_name_is_a_letter_or_digit_then_letters_digits_dots_underscores_or_hyphens(String name) {
        assertThat(ComputerIdentity.computer(name, "").computerName()).isEqualTo(name);
        assertThat(ComputerIdentity.computer("x".repeat(63), "").computerName()).hasSize(63);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-PC", ".PC", "_PC", "PC 1", "PC@1", "PC/1", "PÇ", "PC\\1", "١"})
    void any_other_computer_name_is_refused(String name) {
        assertThatThrownBy(() -> ComputerIdentity.computer(name, "")).hasMessageContaining("computer name must be");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "CORP", "corp.example.com", "c", "9_x-y"})
    void a_domain_is_empty_or_spelled_as_a_name_up_to_255(String domain) {
        assertThat(ComputerIdentity.computer("PC", domain).domain()).isEqualTo(domain);
        assertThat(ComputerIdentity.computer("PC", "d".repeat(255)).domain()).hasSize(255);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-CORP", "CO RP", "CORP@", "CÖRP"})
    void any_other_domain_is_refused(String domain) {
        assertThatThrownBy(() -> ComputerIdentity.computer("PC", domain)).hasMessageContaining("domain must be");
        assertThatThrownBy(() -> ComputerIdentity.computer("PC", "d".repeat(256))).hasMessageContaining("domain must be");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice", "Alice Smith", "a.b_c-d", "alice@corp.example"})
    void a_user_name_is_empty_or_a_letter_or_digit_then_those_spaces_and_at_signs(String user) {
        assertThat(new ComputerIdentity("TS", "CORP", user).userName()).isEqualTo(user);
        assertThat(new ComputerIdentity("TS", "CORP", "u".repeat(128)).userName()).hasSize(128);
    }

    @ParameterizedTest
    @ValueSource(strings = {" alice", "@alice", "ali/ce", "ali\\ce", "alicé"})
    void any_other_user_name_is_refused(String user) {
        assertThatThrownBy(() -> new ComputerIdentity("TS", "CORP", user)).hasMessageContaining("user name");
        assertThatThrownBy(() -> new ComputerIdentity("TS", "CORP", "u".repeat(129))).hasMessageContaining("user name");
    }
}
