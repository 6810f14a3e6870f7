package dev.primary.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
    @TempDir
    Path directory;

    @Test
    void a_file_digest_is_the_standard_sha256_of_its_bytes_with_its_size() throws IOException {
        Path file = Files.writeString(directory.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);

        Sha256.FileDigest digest = Sha256.ofFile(file);

        assertThat(digest.size()).isEqualTo(3);
        assertThat(digest.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hexOf(file)).isEqualTo(digest.sha256());
    }

    @Test
    void an_empty_file_has_the_digest_of_no_bytes() throws IOException {
        Path file = Files.createFile(directory.resolve("empty"));

        assertThat(Sha256.ofFile(file)).isEqualTo(
                new Sha256.FileDigest(0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    @Test
    void a_file_larger_than_the_buffer_digests_as_its_whole_content() throws IOException {
        byte[] content = new byte[3 * 64 * 1024 + 17];
        new Random(42).nextBytes(content);
        Path file = Files.write(directory.resolve("large.bin"), content);

        Sha256.FileDigest digest = Sha256.ofFile(file);

        assertThat(digest.size()).isEqualTo(content.length);
        assertThat(digest.sha256()).isEqualTo(Sha256.hex(content));
    }

    @Test
    void a_missing_file_fails_with_no_such_file() {
        assertThatThrownBy(() -> Sha256.ofFile(directory.resolve("missing")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void a_file_digest_refuses_a_negative_size_or_a_malformed_hash() {
        assertThatThrownBy(() -> new Sha256.FileDigest(-1, "0".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size");
        assertThatThrownBy(() -> new Sha256.FileDigest(1, "ABC"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sha256");
    }
}
