package dev.primary.client.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.testing.Eventually;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationWatchTest {
    @TempDir
    Path home;

    private final AtomicInteger replaced = new AtomicInteger();

    @Test
    void a_client_json_renamed_into_place_is_reported_at_once() throws Exception {
        ClientConfigurationFile file = ClientConfigurationFile.in(home);
        try (ConfigurationWatch watch = ConfigurationWatch.open(file, replaced::incrementAndGet).orElseThrow()) {
            Path written = home.resolve("client.json.tmp");
            Files.writeString(written, "{}", StandardCharsets.UTF_8);
            Files.move(written, file.path(), StandardCopyOption.ATOMIC_MOVE);

            Eventually.waitUntil("the replaced client.json reported", Duration.ofSeconds(30), () -> replaced.get() > 0);
        }
    }

    @Test
    void other_files_and_writes_in_the_home_do_not_wake_it() throws Exception {
        ClientConfigurationFile file = ClientConfigurationFile.in(home);
        Files.writeString(file.path(), "{}", StandardCharsets.UTF_8);
        try (ConfigurationWatch watch = ConfigurationWatch.open(file, replaced::incrementAndGet).orElseThrow()) {
            Files.writeString(home.resolve("state.json"), "{}", StandardCharsets.UTF_8);
            Files.writeString(home.resolve("recorder.out"), "recording\n", StandardCharsets.UTF_8);
            Files.writeString(home.resolve("recorder.out"), "recording\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            Thread.sleep(300);

            assertThat(replaced.get()).isZero();
        }
    }

    @Test
    void once_closed_it_reports_nothing_more() throws Exception {
        ClientConfigurationFile file = ClientConfigurationFile.in(home);
        ConfigurationWatch.open(file, replaced::incrementAndGet).orElseThrow().close();

        Files.writeString(file.path(), "{}", StandardCharsets.UTF_8);
        Thread.sleep(300);

        assertThat(replaced.get()).isZero();
    }
}
