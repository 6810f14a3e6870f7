package dev.primary.bench.fleet.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {
    /** A real line's shape: the command name holds a space and a ')'; utime 1200, stime 300, cutime 40, cstime 5. */
    private static final String LINE = "4242 (postgres: a) b) S 1 4242 4242 0 -1 4194560 1500 0 0 0 1200 300 40 5 20 0"
            + " 1 0 12345 123456789 2500 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

    @Test
    void counts_user_and_system_ticks_from_after_the_command_name() {
        assertThat(ProcessCpu.ticks(LINE, false)).isEqualTo(1500);
    }

    @Test
    void adds_the_waited_for_children_when_asked() {
        assertThat(ProcessCpu.ticks(LINE, true)).isEqualTo(1545);
    }

    @Test
    void refuses_a_line_that_is_not_a_stat_line() {
        assertThatThrownBy(() -> ProcessCpu.ticks("no parenthesis here", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessCpu.ticks("1 (x) S 1 2", false)).hasMessageContaining("too few fields");
    }

    @Test
    void reads_this_process_and_a_gone_one_as_zero() {
        assertThat(ProcessCpu.ofTree(ProcessHandle.current().pid())).isPositive();
        assertThat(ProcessCpu.of(Long.MAX_VALUE)).isZero();
    }
}
