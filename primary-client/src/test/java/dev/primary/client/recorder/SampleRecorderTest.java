package dev.primary.client.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.testing.Eventually;
import dev.primary.client.testing.JavaCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleRecorderTest {
    @TempDir
    Path dir;

    @Test
    void writes_recording_lines_at_its_interval_and_stopped_when_terminated() throws Exception {
        Path log = dir.resolve("recorder.log");
        Process process = new ProcessBuilder(JavaCommand.of(SampleRecorder.class, "--log", log.toString(),
                "--interval", "100ms")).redirectErrorStream(true).start();
        try {
            Eventually.waitUntil("three recording lines", Duration.ofSeconds(20), () -> lines(log).size() >= 3);
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        List<String> lines = lines(log);
        assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(line -> assertThat(line).endsWith(" recording"));
        assertThat(lines.get(lines.size() - 1)).endsWith(" stopped");
        assertThat(lines).allSatisfy(line -> Instant.parse(line.substring(0, line.indexOf(' '))));
    }

    @Test
    void bad_arguments_exit_2_with_a_one_line_message() throws Exception {
        Process process = new ProcessBuilder(JavaCommand.of(SampleRecorder.class, "--interval", "soon"))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output.strip().lines()).singleElement()
                .satisfies(line -> assertThat(line).startsWith("sample-recorder: duration must be"));
    }

    @Test
    void the_log_file_is_required() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SampleRecorder.parse(new String[] {"--interval", "1s"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--log FILE is required");
    }

    private static List<String> lines(Path log) {
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
