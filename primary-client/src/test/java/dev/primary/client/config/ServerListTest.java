package dev.primary.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.client.service.ServerAddress;
import dev.primary.client.service.ServiceSettings;
import dev.primary.client.testing.TestInstall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code server.alternates} in {@code client.json}: several servers of one fleet, and files without it. */
class ServerListTest {
    private static final String PIN = "sha256/" + "A".repeat(43);
    private static final String KEY = dev.primary.protocol.crypto.Ed25519.generate().publicKey().encoded();

    @TempDir
    Path home;

    @Test
    void a_single_server_file_is_written_and_read_as_before_without_an_alternates_field() throws Exception {
        ClientConfigurationFile file = ClientConfigurationFile.in(home);
        ClientConfiguration.Server server = new ClientConfiguration.Server("primary.corp", 16770, PIN, KEY, "server-1");

        file.write(TestInstall.configuration(server, List.of("recorder")));

        assertThat(Files.readString(file.path())).doesNotContain("alternates");
        assertThat(file.read().server().addresses()).containsExactly(new ServerAddress("primary.corp", 16770));
    }

    @Test
    void a_file_from_before_server_lists_loads_unchanged() throws Exception {
        ClientConfigurationFile file = ClientConfigurationFile.in(home);
        file.write(TestInstall.configuration(new ClientConfiguration.Server("primary.corp", 16771, PIN, KEY,
                "server-1"), List.of("recorder")));
        String before = Files.readString(file.path());

        ClientConfiguration read = file.read();
        ServiceSettings settings = ConfiguredSettings.settingsOf(read, ConfiguredSettings.Overrides.NONE);

        assertThat(settings.server().addresses()).containsExactly(new ServerAddress("primary.corp", 16771));
        assertThat(settings.server().alternates()).isEmpty();
        file.write(read);
        assertThat(Files.readString(file.path())).isEqualTo(before);
    }

    @Test
    void alternates_follow_the_first_server_in_order_and_a_bare_host_takes_its_port() throws Exception {
        ClientConfigurationFile file = ClientConfigurationFile.in(home);
        ClientConfiguration.Server server = new ClientConfiguration.Server("primary-a.corp", 16770, PIN, KEY, "server-1",
                List.of(), List.of("primary-b.corp:16780", "primary-c.corp", "[fd00::7]:16770"));

        file.write(TestInstall.configuration(server, List.of("recorder")));
        ServiceSettings settings = ConfiguredSettings.settingsOf(file.read(), ConfiguredSettings.Overrides.NONE);

        assertThat(Files.readString(file.path())).contains("\"alternates\" : [ \"primary-b.corp:16780\", "
                + "\"primary-c.corp\", \"[fd00::7]:16770\" ]");
        assertThat(settings.server().addresses()).extracting(ServerAddress::text).containsExactly(
                "primary-a.corp:16770", "primary-b.corp:16780", "primary-c.corp:16770", "[fd00::7]:16770");
    }

    @Test
    void a_list_longer_than_the_maximum_is_refused_with_the_rule() {
        List<String> alternates = new ArrayList<>();
        for (int i = 0; i < ServerAddress.MAX_SERVERS; i++) {
            alternates.add("primary-" + i + ".corp");
        }

        assertThatThrownBy(() -> new ClientConfiguration.Server("primary.corp", 16770, PIN, KEY, "server-1", List.of(),
                alternates)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at most 8 servers (host and alternates), got 9");
    }

    @Test
    void a_bad_or_repeated_alternate_is_refused_naming_it() {
        assertThatThrownBy(() -> new ClientConfiguration.Server("primary.corp", 16770, PIN, KEY, "server-1", List.of(),
                List.of("other.corp:http"))).hasMessageContaining("server.alternates: \"other.corp:http\" is not a server "
                + "address").hasMessageContaining("port \"http\" is not a number");
        assertThatThrownBy(() -> new ClientConfiguration.Server("primary.corp", 16770, PIN, KEY, "server-1", List.of(),
                List.of("primary.corp"))).hasMessage("server.alternates names primary.corp:16770 twice (or again as the "
                + "first server)");
        assertThatThrownBy(() -> new ClientConfiguration.Server("primary.corp", 16770, PIN, KEY, "server-1", List.of(),
                List.of("other.corp:70000"))).hasMessageContaining("server port must be 1-65535, got 70000");
    }

    @Test
    void server_addresses_read_every_form() {
        assertThat(ServerAddress.parse("a.corp", 16770)).isEqualTo(new ServerAddress("a.corp", 16770));
        assertThat(ServerAddress.parse(" a.corp:1 ", 16770)).isEqualTo(new ServerAddress("a.corp", 1));
        assertThat(ServerAddress.parse("[::1]:5", 16770)).isEqualTo(new ServerAddress("::1", 5));
        assertThat(ServerAddress.parse("fd00::7", 16770)).isEqualTo(new ServerAddress("fd00::7", 16770));
        assertThat(new ServerAddress("::1", 5).text()).isEqualTo("[::1]:5");
        assertThatThrownBy(() -> ServerAddress.parse(":5", 16770)).hasMessageContaining("server host cannot be empty");
    }
}
