package dev.primary.admin.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {
    @Test
    void printable_text_is_left_as_it_is() {
        assertThat(TerminalText.escape("CORP\\PC-17 Linux 6.1 amd64 Größe 日本")).isEqualTo("CORP\\PC-17 Linux 6.1 amd64 Größe 日本");
    }

    @Test
    void c0_del_and_c1_controls_become_visible_escapes() {
        assertThat(TerminalText.escape("a\u001b[31mb\u0007\u007f\u009bc\td")).isEqualTo("a\\u001b[31mb\\u0007\\u007f\\u009bc\\u0009d");
    }

    @Test
    void bidirectional_overrides_and_zero_width_characters_become_visible_escapes() {
        assertThat(TerminalText.escape("PC\u202e1\u2066\u200b\ufeff\u2028")).isEqualTo("PC\\u202e1\\u2066\\u200b\\ufeff\\u2028");
    }

    @Test
    void a_value_keeps_no_line_break_but_a_whole_output_keeps_its_line_ends() {
        assertThat(TerminalText.escape("one\r\ntwo\n")).isEqualTo("one\\u000d\\u000atwo\\u000a");
        assertThat(TerminalText.escapeKeepingLineBreaks("one\r\ntwo\nthree\rfour")).isEqualTo("one\r\ntwo\nthree\\u000dfour");
    }

    @Test
    void an_unpaired_surrogate_is_escaped_and_a_paired_one_kept() {
        assertThat(TerminalText.escape("a\ud800b \ud83d\ude00")).isEqualTo("a\\ud800b \ud83d\ude00");
    }
}
