package dev.primary.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcessUsageTest {
    @Test
    void this_jvm_has_used_cpu_and_holds_memory() {
        ProcessUsage usage = ProcessUsage.self();

        assertThat(usage.cpu()).isPositive();
        assertThat(usage.residentBytes()).isGreaterThan(10L * 1024 * 1024);
    }

    @Test
    void cpu_time_grows_while_this_jvm_works() {
        ProcessUsage before = ProcessUsage.self();
        long deadline = System.nanoTime() + Duration.ofMillis(300).toNanos();
        long spins = 0;
        while (System.nanoTime() < deadline) {
            spins++;
        }

        assertThat(spins).isPositive();
        assertThat(ProcessUsage.self().cpuSince(before)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void user_and_system_ticks_are_read_after_a_command_name_with_spaces_and_parentheses() {
        String stat = "4242 (odd (name) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 30 0 123 456 789";

        assertThat(ProcessUsage.cpuOf(stat)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void resident_memory_is_read_from_vm_rss_in_kilobytes() {
        String status = "Name:\tjava\nVmPeak:\t 9999 kB\nVmRSS:\t    2048 kB\nThreads:\t12\n";

        assertThat(ProcessUsage.residentBytesOf(status)).isEqualTo(2048L * 1024);
    }

    @Test
    void a_process_that_is_gone_cannot_be_read() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        long pid = process.pid();

        assertThatThrownBy(() -> ProcessUsage.of(pid)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("gone");
    }
}
