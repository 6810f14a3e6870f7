package dev.primary.client.testing;

import dev.primary.client.cli.ServiceRuntime;
import dev.primary.client.config.ConfiguredSettings;
import dev.primary.client.home.StateDocument;
import dev.primary.client.home.StateFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test of the whole Client Service in-process: a fresh client home, a {@link FakePrimaryServer}, and the
 * {@link ServiceRuntime} the test starts in {@link #runtime}; both are stopped after each test.
 */
public abstract class WithServiceRuntime {
    /** The computer {@code CORP\SIM-0001}, checking in every 250 ms. */
    protected static final ConfiguredSettings.Overrides SIMULATED = new ConfiguredSettings.Overrides("SIM-0001", null,
            Duration.ofMillis(250), null);

    @TempDir
    protected Path home;

    protected final FakePrimaryServer server = FakePrimaryServer.start();
    protected ServiceRuntime runtime;

    @AfterEach
    void stopServiceRuntime() {
        if (runtime != null) {
            runtime.stop();
        }
        server.close();
    }

    /** The state file's document, empty while there is none (or it is being replaced). */
    protected Optional<StateDocument> state() {
        try {
            return new StateFile(home.resolve("state.json")).loadDocument();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The lines of {@code path}, none while it does not exist or cannot be read. */
    protected static List<String> lines(Path path) {
        try {
            return Files.exists(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
