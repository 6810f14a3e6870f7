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

                Eventually.waitUntil("a check-in after the nudge", Duration.ofSeconds(30),
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

    @Test
    void a_second_service_process_on_the_same_home_exits_at_once_and_a_killed_one_leaves_no_stale_lock()
            throws Exception {
        try (FakePrimaryServer server = FakePrimaryServer.start()) {
            TestInstall.install(home, server.configServer());
            Process first = start("first.out");
            try {
                Eventually.waitUntil("recording", Duration.ofSeconds(40), () -> lines("recorder.log").size() >= 2);

                Process second = start("second.out");
                assertThat(second.waitFor(20, TimeUnit.SECONDS)).as("the second service exits by itself").isTrue();
                assertThat(second.exitValue()).isEqualTo(4);
                assertThat(Files.readString(home.resolve("second.out")).strip().lines()).singleElement().asString()
                        .isEqualTo("client-service: another Client Service (pid " + first.pid()
                                + ") is already running on " + home + "; stop it first, or give each service its own --home");
                assertThat(first.isAlive()).isTrue();

                first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                Process third = start("third.out");
                try {
                    Eventually.waitUntil("the third service holds the home", Duration.ofSeconds(40),
                            () -> String.join("", lines("service.lock")).equals(Long.toString(third.pid())));
                    assertThat(third.isAlive()).isTrue();
                } finally {
                    third.destroy();
                    third.waitFor(30, TimeUnit.SECONDS);
                }
            } finally {
                first.destroyForcibly();
            }
        }
    }

    private Process start(String output) throws IOException {
        return new ProcessBuilder(JavaCommand.of(ClientServiceMain.class, "run", "--home", home.toString(),
                "--retry-interval", "250ms"))
                .redirectErrorStream(true)
                .redirectOutput(home.resolve(output).toFile())
                .start();
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
