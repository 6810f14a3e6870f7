package dev.primary.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.home.StateDocument;
import dev.primary.client.home.StateFile;
import dev.primary.client.testing.Eventually;
import dev.primary.client.testing.FakePrimaryServer;
import dev.primary.client.testing.JavaCommand;
import dev.primary.client.testing.TestInstall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code client-service run} as its own process, stopped the way a service manager stops it. */
class RunProcessTest {
    @TempDir
    Path home;

    @Test
    void sigterm_stops_the_recorder_cleanly_and_exits_0() throws Exception {
        try (FakePrimaryServer server = FakePrimaryServer.start()) {
            TestInstall.install(home, server.configServer());
            Process process = new ProcessBuilder(JavaCommand.of(ClientServiceMain.class, "run", "--home", home.toString(),
                    "--retry-interval", "250ms"))
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("console.out").toFile())
                    .start();
            try {
                Eventually.waitUntil("recording", Duration.ofSeconds(40), () -> lines("recorder.log").size() >= 2);
                process.destroy();
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                process.destroyForcibly();
            }

            assertThat(process.exitValue()).as(Files.readString(home.resolve("console.out"))).isZero();
            List<String> recorded = lines("recorder.log");
            assertThat(recorded.get(recorded.size() - 1)).endsWith(" stopped");
            StateDocument state = new StateFile(home.resolve("state.json")).loadDocument().orElseThrow();
            assertThat(state.state()).isEqualTo("licensed");
            assertThat(state.recorderRunning()).isFalse();
            assertThat(Files.readString(home.resolve("client-service.log"))).contains("Licensed by 127.0.0.1:")
                    .contains("Client Service stopped");
            assertThat(Files.readString(home.resolve("console.out"))).contains("Licensed by 127.0.0.1:");
        }
    }

    private List<String> lines(String file) {
        try {
            Path path = home.resolve(file);
            return Files.exists(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
