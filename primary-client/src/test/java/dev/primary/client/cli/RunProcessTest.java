package dev.primary.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.home.StateDocument;
import dev.primary.client.home.StateFile;
import dev.primary.client.testing.Eventually;
import dev.primary.client.testing.FakePrimaryServer;
import dev.primary.client.testing.JavaCommand;
import dev.primary.client.testing.TestInstall;
import dev.primary.testkit.FreePorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
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

    @Test
    void run_listens_for_nudges_on_the_port_given_with_nudge_port() throws Exception {
        int port = FreePorts.next();
        try (FakePrimaryServer server = FakePrimaryServer.start()) {
            TestInstall.install(home, server.configServer());
            Process process = new ProcessBuilder(JavaCommand.of(ClientServiceMain.class, "run", "--home", home.toString(),
                    "--retry-interval", "250ms", "--nudge-port", Integer.toString(port)))
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("console.out").toFile())
                    .start();
            try {
                Eventually.waitUntil("recording", Duration.ofSeconds(40), () -> lines("recorder.log").size() >= 2);
                int before = server.verifies().size();

                try (Socket nudge = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    nudge.getOutputStream().write("nudge\n".getBytes(StandardCharsets.US_ASCII));
                }

                Eventually.waitUntil("a check-in after the nudge", Duration.ofSeconds(2),
                        () -> server.verifies().size() > before);
                assertThat(server.verifies().get(before).nudgePort()).isEqualTo(port);
            } finally {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
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
