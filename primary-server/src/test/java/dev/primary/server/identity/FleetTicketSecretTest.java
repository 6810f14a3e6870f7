package dev.primary.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetTicketSecretTest {
    private static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    Path directory;

    @Test
    void two_servers_with_a_copy_of_the_secret_derive_the_same_keys_and_rotate_together() throws Exception {
        Path first = directory.resolve("a/tls-session-ticket-secret");
        Files.createDirectories(first.getParent());
        FleetTicketSecret made = FleetTicketSecret.openOrCreate(first);
        Path copy = Files.createDirectories(directory.resolve("b")).resolve("tls-session-ticket-secret");
        Files.copy(first, copy);
        FleetTicketSecret copied = FleetTicketSecret.openOrCreate(copy);

        SessionTicketKeys today = made.keysAt(NOON);
        assertThat(copied.keysAt(NOON.plus(Duration.ofHours(11))).keys()).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(today.keys());
        assertThat(copied.fingerprint()).isEqualTo(made.fingerprint());

        SessionTicketKeys tomorrow = copied.keysAt(NOON.plus(Duration.ofDays(1)));
        assertThat(tomorrow.keys().get(0).material()).as("tomorrow's issuing key").isEqualTo(today.keys().get(3).material())
                .isNotEqualTo(today.keys().get(0).material());
        assertThat(tomorrow.keys().get(1).material()).as("today's key still opens tickets tomorrow")
                .isEqualTo(today.keys().get(0).material());
    }

    @Test
    void another_secret_derives_other_keys_and_has_another_fingerprint() {
        FleetTicketSecret one = FleetTicketSecret.openOrCreate(directory.resolve("one"));
        FleetTicketSecret other = FleetTicketSecret.openOrCreate(directory.resolve("other"));

        assertThat(one.keysAt(NOON).keys().get(0).material()).isNotEqualTo(other.keysAt(NOON).keys().get(0).material());
        assertThat(one.fingerprint()).isNotEqualTo(other.fingerprint()).startsWith("sha256/");
    }

    @Test
    void a_damaged_secret_file_is_refused_with_its_name() throws Exception {
        Path file = Files.writeString(directory.resolve("tls-session-ticket-secret"), "c2hvcnQ\n");

        assertThatThrownBy(() -> FleetTicketSecret.openOrCreate(file)).isInstanceOf(IdentityException.class)
                .hasMessageContaining(file.toString());
    }
}
