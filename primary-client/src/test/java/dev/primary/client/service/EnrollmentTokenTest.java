package dev.primary.client.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrollmentTokenTest {
    private static final String TOKEN = "k7q2m4xa.Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXhxdXU";

    @TempDir
    Path dir;

    @Test
    void a_token_shows_its_id_and_never_its_secret() {
        EnrollmentToken token = EnrollmentToken.parse("  " + TOKEN + "\n");

        assertThat(token.text()).isEqualTo(TOKEN);
        assertThat(token.id()).isEqualTo("k7q2m4xa");
        assertThat(token).hasToString("enrollment token k7q2m4xa");
        assertThat(EnrollmentToken.NONE).hasToString("no enrollment token");
        assertThat(EnrollmentToken.NONE.isPresent()).isFalse();
    }

    @Test
    void text_that_is_not_a_token_is_refused_without_echoing_it() {
        for (String wrong : new String[] {"no-dot-here", ".secret", "id.", "id.sec ret", "x".repeat(201) + ".y"}) {
            assertThatThrownBy(() -> EnrollmentToken.parse(wrong)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining("sec ret");
        }
    }

    @Test
    void a_token_is_read_from_a_file_of_one_line() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), TOKEN + "\n");
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        Path twoLines = Files.writeString(dir.resolve("two"), TOKEN + "\n" + TOKEN + "\n");

        assertThat(EnrollmentToken.read(file).text()).isEqualTo(TOKEN);
        assertThatThrownBy(() -> EnrollmentToken.read(empty)).hasMessageContaining("is empty");
        assertThatThrownBy(() -> EnrollmentToken.read(twoLines)).hasMessageContaining("more than one line");
        assertThatThrownBy(() -> EnrollmentToken.read(dir.resolve("missing"))).hasMessageStartingWith("cannot read ");
    }
}
