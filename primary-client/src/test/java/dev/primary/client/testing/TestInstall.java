package dev.primary.client.testing;

import dev.primary.client.config.ClientConfiguration;
import dev.primary.client.config.ClientConfigurationFile;
import dev.primary.client.recorder.SampleRecorder;
import dev.primary.protocol.message.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Writes a {@code client.json} as the Deployment Utility would. The nudge listener is off (port 0) unless a test
 * turns it on, so that tests running side by side do not compete for port 2468.
 */
public final class TestInstall {
    public static final Version RECORDER_VERSION = new Version(1, 0, 1);
    public static final ClientConfiguration.Updates NO_NUDGES = new ClientConfiguration.Updates(0, "30s");

    private TestInstall() {}

    public static ClientConfiguration configuration(ClientConfiguration.Server server, List<String> recorderCommand) {
        return configuration(server, recorderCommand, NO_NUDGES);
    }

    public static ClientConfiguration configuration(ClientConfiguration.Server server, List<String> recorderCommand,
            ClientConfiguration.Updates updates) {
        return new ClientConfiguration(server, new ClientConfiguration.DataVault("vault.test", 16769),
                new ClientConfiguration.Computer("PC1", "CORP", false, ""),
                new ClientConfiguration.Recorder(recorderCommand, RECORDER_VERSION),
                ClientConfiguration.Intervals.DEFAULTS, updates);
    }

    /**
     * Installs a client in {@code home} for {@code server}, with the Sample Recorder logging to {@code <home>/recorder.log}:
     * the home owner-only (as the Deployment Utility makes it), so that the service's strict modes pass.
     */
    public static ClientConfiguration install(Path home, ClientConfiguration.Server server) {
        return install(home, server, NO_NUDGES);
    }

    public static ClientConfiguration install(Path home, ClientConfiguration.Server server,
            ClientConfiguration.Updates updates) {
        ClientConfiguration configuration = configuration(server, JavaCommand.of(SampleRecorder.class, "--log",
                home.resolve("recorder.log").toString(), "--interval", "100ms"), updates);
        ownerOnly(home);
        ClientConfigurationFile.in(home).write(configuration);
        return configuration;
    }

    /** Creates {@code home} if needed and makes it rwx------. */
    public static void ownerOnly(Path home) {
        try {
            Files.createDirectories(home);
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
