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

    @Test
    void the_enrollment_token_is_written_read_back_and_handed_to_the_service_but_never_shown_by_to_string() {
        String token = "k7q2m4xa." + "S".repeat(43);
        ClientConfigurationFile file = ClientConfigurationFile.in(home);
        ClientConfiguration configuration = TestInstall.configuration(SERVER, List.of("recorder")).withToken(
                dev.primary.client.service.EnrollmentToken.parse(" " + token + "\n"));

        file.write(configuration);

        assertThat(file.read().enrollmentToken()).isEqualTo(token);
        assertThat(ConfiguredSettings.settingsOf(file.read(), ConfiguredSettings.Overrides.NONE).enrollmentToken().text())
                .isEqualTo(token);
        assertThat(configuration.toString()).contains("enrollment token k7q2m4xa").doesNotContain("SSSS");
        assertThat(ConfiguredSettings.settingsOf(configuration, ConfiguredSettings.Overrides.NONE).toString())
                .doesNotContain("SSSS");
    }

    @Test
    void a_configuration_written_before_enrollment_tokens_reads_as_having_none() throws Exception {
        ClientConfigurationFile file = ClientConfigurationFile.in(home);
        file.write(TestInstall.configuration(SERVER, List.of("recorder")));
        Files.writeString(file.path(), Files.readString(file.path())
                .replaceAll(",\\s*\"enrollmentToken\" : \"\"", "")
                .replaceAll(",\\s*\"nudgeBindAddress\" : \"\"", "")
                .replaceAll(",\\s*\"nudgeSources\" : \\[ \\]", ""));
        assertThat(Files.readString(file.path())).doesNotContain("enrollmentToken").doesNotContain("nudgeBindAddress")
                .doesNotContain("nudgeSources");

        ClientConfiguration read = file.read();

        assertThat(read.enrollmentToken()).isEmpty();
        assertThat(read.updates().nudgeBindAddress()).isEmpty();
        assertThat(read.updates().nudgeSources()).isEmpty();
    }

    @Test
    void a_malformed_enrollment_token_is_refused_with_the_rule() throws Exception {
        ClientConfigurationFile file = ClientConfigurationFile.in(home);
        file.write(TestInstall.configuration(SERVER, List.of("recorder")));
        Files.writeString(file.path(), Files.readString(file.path())
                .replace("\"enrollmentToken\" : \"\"", "\"enrollmentToken\" : \"no dot here\""));

        assertThatThrownBy(file::read).isInstanceOf(ClientConfigurationException.class)
                .hasMessageContaining("enrollmentToken: not an enrollment token (expected <id>.<secret>");
    }

    @Test
    void a_nudge_bind_address_that_is_not_an_ip_address_is_refused_with_the_rule() {
        assertThatThrownBy(() -> new ClientConfiguration.Updates(2468, "30s", "my-laptop", List.of()))
                .hasMessage("nudgeBindAddress must be an IP address of this computer (or empty for all), got \"my-laptop\"");
        assertThat(new ClientConfiguration.Updates(2468, "30s", "::1", List.of()).nudgeBindAddress()).isEqualTo("::1");
        assertThat(new ClientConfiguration.Updates(2468, "30s", " 10.0.0.7 ", List.of()).nudgeBindAddress())
                .isEqualTo("10.0.0.7");
        assertThatThrownBy(() -> new ClientConfiguration.Updates(2468, "30s", "", List.of(" ")))
                .hasMessage("nudgeSources cannot hold an empty name");
    }

    @Test
    void ip_address_literals_are_told_from_host_names_without_a_lookup() {
        assertThat(IpAddresses.literal("192.0.2.10")).isPresent();
        assertThat(IpAddresses.literal("[fe80::1]")).isPresent();
        assertThat(IpAddresses.literal("256.1.1.1")).isEmpty();
        assertThat(IpAddresses.literal("primary.corp")).isEmpty();
        assertThat(IpAddresses.literal("dead:beef")).isEmpty();
    }
}
