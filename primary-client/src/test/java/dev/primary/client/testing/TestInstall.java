package dev.primary.client.testing;

import dev.primary.client.config.ClientConfiguration;
import dev.primary.client.config.ClientConfigurationFile;
import dev.primary.client.recorder.SampleRecorder;
import dev.primary.protocol.message.Version;
import java.nio.file.Path;
import java.util.List;

/** Writes a {@code client.json} as the Deployment Utility would. */
public final class TestInstall {
    public static final Version RECORDER_VERSION = new Version(1, 0, 1);

    private TestInstall() {}

    public static ClientConfiguration configuration(ClientConfiguration.Server server, List<String> recorderCommand) {
        return new ClientConfiguration(server, new ClientConfiguration.DataVault("vault.test", 16769),
                new ClientConfiguration.Computer("PC1", "CORP", false, ""),
                new ClientConfiguration.Recorder(recorderCommand, RECORDER_VERSION),
                ClientConfiguration.Intervals.DEFAULTS);
    }

    /** Installs a client in {@code home} for {@code server}, with the Sample Recorder logging to {@code <home>/recorder.log}. */
    public static ClientConfiguration install(Path home, ClientConfiguration.Server server) {
        ClientConfiguration configuration = configuration(server, JavaCommand.of(SampleRecorder.class, "--log",
                home.resolve("recorder.log").toString(), "--interval", "100ms"));
        ClientConfigurationFile.in(home).write(configuration);
        return configuration;
    }
}
