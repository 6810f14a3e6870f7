package dev.primary.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionTicketKeysTest {
    private static final Instant START = Instant.parse("2026-11-28T00:00:00Z");

    @TempDir
    Path directory;

    private Path file() {
        return directory.resolve("keys/tls-session-ticket-keys");
    }

    @Test
    void the_first_start_makes_one_key_kept_owner_only() throws Exception {
        SessionTicketKeys keys = SessionTicketKeys.openOrCreate(file(), START);

        assertThat(keys.keys()).hasSize(1);
        assertThat(keys.keys().get(0).material()).hasSize(SessionTicketKeys.KEY_BYTES);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
    }

    @Test
    void a_restart_within_a_day_reads_the_same_keys_so_sessions_resume() {
        SessionTicketKeys first = SessionTicketKeys.openOrCreate(file(), START);

        SessionTicketKeys again = SessionTicketKeys.openOrCreate(file(), START.plus(Duration.ofHours(23)));

        assertThat(again.keys()).hasSize(1);
        assertThat(again.keys().get(0).material()).isEqualTo(first.keys().get(0).material());
        assertThat(again.keys().get(0).created()).isEqualTo(START);
    }

    @Test
    void a_day_old_key_is_followed_by_a_new_one_and_only_three_are_kept() {
        SessionTicketKeys keys = SessionTicketKeys.openOrCreate(file(), START);
        byte[] first = keys.keys().get(0).material();

        for (int day = 1; day <= 3; day++) {
            keys = keys.rotatedIfDue(START.plus(Duration.ofDays(day)));
        }

        assertThat(keys.keys()).hasSize(SessionTicketKeys.KEPT);
        assertThat(keys.keys()).extracting(SessionTicketKeys.TicketKey::created).containsExactly(
                START.plus(Duration.ofDays(3)), START.plus(Duration.ofDays(2)), START.plus(Duration.ofDays(1)));
        assertThat(keys.keys()).noneMatch(key -> java.util.Arrays.equals(key.material(), first));
        assertThat(SessionTicketKeys.openOrCreate(file(), START.plus(Duration.ofDays(3))).keys())
                .extracting(SessionTicketKeys.TicketKey::created)
                .as("what was saved is what is read back")
                .containsExactlyElementsOf(keys.keys().stream().map(SessionTicketKeys.TicketKey::created).toList());
    }

    @Test
    void a_damaged_file_is_refused_with_what_to_do() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "not a key\n");

        assertThatThrownBy(() -> SessionTicketKeys.openOrCreate(file(), START))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("is damaged")
                .hasMessageContaining("delete it");
    }

    @Test
    void key_material_never_shows_in_text() {
        SessionTicketKeys keys = SessionTicketKeys.openOrCreate(file(), START);

        assertThat(keys.keys().get(0).toString()).contains("hidden");
    }
}
