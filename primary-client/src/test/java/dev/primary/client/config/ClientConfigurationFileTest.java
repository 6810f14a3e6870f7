package dev.primary.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.client.testing.TestInstall;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientConfigurationFileTest {
    private static final ClientConfiguration.Server SERVER = new ClientConfiguration.Server("primary.corp", 16770,
            "sha256/" + "A".repeat(43), dev.primary.protocol.crypto.Ed25519.generate().publicKey().encoded(), "server-1");

    @TempDir
    Path home;

    @Test
    void writes_pretty_json_atomically_readable_by_its_owner_only_and_reads_it_back() throws Exception {
        ClientConfiguration configuration = TestInstall.configuration(SERVER, List.of("/opt/recorder/bin/recorder", "--quiet"));
        ClientConfigurationFile file = ClientConfigurationFile.in(home.resolve("client-home"));

        file.write(configuration);

        assertThat(file.path()).isEqualTo(home.resolve("client-home").resolve("client.json"));
        assertThat(file.read()).isEqualTo(configuration);
        String text = Files.readString(file.path(), StandardCharsets.UTF_8);
        assertThat(text).contains("\n  \"server\" : {").contains("\"host\" : \"primary.corp\"")
                .contains("\"retry\" : \"60s\"");
        assertThat(Files.getPosixFilePermissions(file.path()))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        try (var files = Files.list(file.path().getParent())) {
            assertThat(files).extracting(path -> path.getFileName().toString()).containsExactly("client.json");
        }
    }

    @Test
    void a_missing_file_is_reported_with_its_path() {
        ClientConfigurationFile file = ClientConfigurationFile.in(home);

        assertThat(file.exists()).isFalse();
        assertThatThrownBy(file::read).isInstanceOf(ClientConfigurationException.class)
                .hasMessage("no client configuration at " + home.resolve("client.json"));
    }

    @Test
    void an_invalid_file_is_reported_with_the_rule_broken() throws Exception {
        ClientConfigurationFile file = ClientConfigurationFile.in(home);
        file.write(TestInstall.configuration(SERVER, List.of("recorder")));
        Files.writeString(file.path(), Files.readString(file.path()).replace("\"60s\"", "\"a minute\""));

        assertThatThrownBy(file::read).isInstanceOf(ClientConfigurationException.class)
                .hasMessageStartingWith(file.path() + " is not a valid client configuration")
                .hasMessageContaining("duration must be a whole number with a unit");
    }

    @Test
    void overrides_take_precedence_and_an_empty_computer_name_means_this_host() {
        ClientConfiguration configuration = new ClientConfiguration(SERVER,
                new ClientConfiguration.DataVault("vault", 16769), new ClientConfiguration.Computer("", "CORP", false, ""),
                new ClientConfiguration.Recorder(List.of("recorder"), TestInstall.RECORDER_VERSION),
                ClientConfiguration.Intervals.DEFAULTS);

        var fromHost = ConfiguredSettings.settingsOf(configuration, ConfiguredSettings.Overrides.NONE);
        var overridden = ConfiguredSettings.settingsOf(configuration, new ConfiguredSettings.Overrides("SIM-0001", "LAB",
                java.time.Duration.ofMillis(250), java.time.Duration.ofSeconds(2)));

        assertThat(fromHost.computer().computerName()).isEqualTo(LocalComputer.name());
        assertThat(fromHost.timing().retry()).hasSeconds(60);
        assertThat(overridden.computer().display()).isEqualTo("LAB\\SIM-0001");
        assertThat(overridden.timing().retry()).hasMillis(250);
        assertThat(overridden.timing().verify()).hasSeconds(2);
    }

    @Test
    void host_names_are_made_fit_for_a_seat() {
        assertThat(LocalComputer.fitForSeat("build-07.corp.example")).isEqualTo("build-07");
        assertThat(LocalComputer.fitForSeat("my laptop")).isEqualTo("my-laptop");
        assertThat(LocalComputer.fitForSeat("")).isEqualTo("localhost");
    }
}
