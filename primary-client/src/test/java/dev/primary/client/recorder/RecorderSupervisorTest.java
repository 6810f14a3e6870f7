package dev.primary.client.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.service.ExecutorScheduler;
import dev.primary.client.testing.Eventually;
import dev.primary.client.testing.LogCapture;
import dev.primary.client.testing.JavaCommand;
import dev.primary.protocol.message.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderSupervisorTest {
    private static final RecorderSupervisor.Timing FAST = new RecorderSupervisor.Timing(Duration.ofMillis(200),
            Duration.ofMillis(800), Duration.ofSeconds(10), Duration.ofMinutes(1));

    @TempDir
    Path home;

    private final ExecutorScheduler scheduler = new ExecutorScheduler("test-supervisor");
    private RecorderSupervisor supervisor;

    @AfterEach
    void cleanUp() {
        if (supervisor != null) {
            supervisor.stop();
        }
        scheduler.close();
    }

    @Test
    void runs_the_recorder_with_its_output_in_recorder_out_and_stops_it_cleanly() throws Exception {
        Path log = home.resolve("recorder.log");
        supervisor = supervising(JavaCommand.of(SampleRecorder.class, "--log", log.toString(), "--interval", "100ms"));
        AtomicInteger changes = new AtomicInteger();
        supervisor.onChange(changes::incrementAndGet);

        supervisor.start();
        assertThat(supervisor.running()).isTrue();
        Eventually.waitUntil("recording lines", Duration.ofSeconds(20), () -> lines(log).size() >= 2);
        supervisor.stop();

        assertThat(supervisor.running()).isFalse();
        List<String> lines = lines(log);
        assertThat(lines.get(lines.size() - 1)).endsWith(" stopped");
        assertThat(home.resolve("recorder.out")).exists();
        assertThat(changes.get()).isEqualTo(2);
    }

    @Test
    void restarts_a_recorder_that_exits_unexpectedly_with_a_doubling_back_off() throws Exception {
        Path starts = home.resolve("starts.txt");
        supervisor = supervising(List.of("sh", "-c", "date +%s%N >> '" + starts + "'; echo crashing; exit 3"));

        List<String> plannedRestarts;
        try (LogCapture log = new LogCapture()) {
            supervisor.start();
            Eventually.waitUntil("five starts", Duration.ofSeconds(60), () -> lines(starts).size() >= 5);
            supervisor.stop();
            plannedRestarts = log.snapshot().stream().filter(line -> line.contains("restarting it in"))
                    .map(line -> line.substring(line.indexOf("restarting it in ") + "restarting it in ".length()))
                    .toList();
        }
        int afterStop = lines(starts).size();
        Thread.sleep(1200);

        List<Long> gapsMillis = new ArrayList<>();
        List<String> times = lines(starts);
        for (int i = 1; i < 5; i++) {
            gapsMillis.add((Long.parseLong(times.get(i)) - Long.parseLong(times.get(i - 1))) / 1_000_000);
        }
        assertThat(gapsMillis.get(0)).isGreaterThanOrEqualTo(200);
        assertThat(gapsMillis.get(1)).isGreaterThanOrEqualTo(400);
        assertThat(gapsMillis.get(2)).isGreaterThanOrEqualTo(800);
        assertThat(gapsMillis.get(3)).isGreaterThanOrEqualTo(800);
        // The cap is in the waits it planned, which no load can stretch (the gaps seen can be longer on a busy machine).
        assertThat(plannedRestarts).startsWith("200 ms", "400 ms", "800 ms", "800 ms");
        assertThat(lines(starts)).as("no restart after stop").hasSize(afterStop);
        assertThat(Files.readString(home.resolve("recorder.out"))).contains("crashing");
    }

    @Test
    void a_recorder_that_cannot_be_started_is_retried_later() throws Exception {
        supervisor = supervising(List.of(home.resolve("no-such-recorder").toString()));
        supervisor.start();
        assertThat(supervisor.running()).isFalse();
        Path script = home.resolve("no-such-recorder");
        Files.writeString(script, "#!/bin/sh\nexec sleep 30\n");
        assertThat(script.toFile().setExecutable(true)).isTrue();

        Eventually.waitUntil("the recorder to run", Duration.ofSeconds(10), supervisor::running);
    }

    @Test
    void a_recorder_left_running_by_a_killed_client_service_is_stopped_before_a_new_one_starts() throws Exception {
        Path starts = home.resolve("starts.txt");
        List<String> command = List.of("sh", "-c", "echo started >> '" + starts + "'; exec sleep 60");
        ExecutorScheduler crashedService = new ExecutorScheduler("crashed-service");
        RecorderSupervisor crashed = new RecorderSupervisor(command, new Version(1, 0, 1), home,
                home.resolve("recorder.out"), crashedService, FAST);
        crashed.start();
        Eventually.waitUntil("the first recorder", Duration.ofSeconds(10), () -> lines(starts).size() == 1);
        crashedService.close();
        long orphanPid = Long.parseLong(Files.readString(home.resolve("recorder.pid")).strip().split(" ")[0]);
        ProcessHandle orphan = ProcessHandle.of(orphanPid).orElseThrow();

        supervisor = supervising(command);
        supervisor.start();

        Eventually.waitUntil("the orphan to be stopped", Duration.ofSeconds(15), () -> !orphan.isAlive());
        Eventually.waitUntil("the new recorder", Duration.ofSeconds(10), () -> lines(starts).size() == 2);
        assertThat(supervisor.running()).isTrue();
        assertThat(Files.readString(home.resolve("recorder.pid"))).doesNotStartWith(orphanPid + " ");
        Thread.sleep(500);
        assertThat(lines(starts)).as("exactly one Recorder was started anew").hasSize(2);
    }

    @Test
    void a_pid_file_naming_some_other_live_process_stops_nothing() throws Exception {
        Process bystander = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(home.resolve("recorder.pid"), bystander.pid() + " 12345\n");
            supervisor = supervising(List.of("sh", "-c", "exec sleep 60"));
            supervisor.start();

            Eventually.waitUntil("the recorder", Duration.ofSeconds(10), supervisor::running);
            Thread.sleep(300);
            assertThat(bystander.isAlive()).as("a reused pid is not the old Recorder").isTrue();
        } finally {
            bystander.destroyForcibly();
        }
    }

    private RecorderSupervisor supervising(List<String> command) {
        return new RecorderSupervisor(command, new Version(1, 0, 1), home, home.resolve("recorder.out"), scheduler, FAST);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
