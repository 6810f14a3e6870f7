package dev.primary.server.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Argon2idHashingTest {
    private final Argon2idHashing hashing = new Argon2idHashing(new Argon2idHashing.Parameters(1024, 1, 1));

    @Test
    void a_hash_matches_its_password_and_no_other() {
        String hash = hashing.hash("correct horse battery");

        assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$").doesNotContain("correct horse");
        assertThat(hashing.matches("correct horse battery", hash)).isTrue();
        assertThat(hashing.matches("correct horse batterY", hash)).isFalse();
    }

    @Test
    void the_same_password_hashes_differently_each_time() {
        assertThat(hashing.hash("same password here")).isNotEqualTo(hashing.hash("same password here"));
    }

    @Test
    void a_hash_keeps_its_parameters_so_hashes_of_older_defaults_still_match() {
        String older = new Argon2idHashing(new Argon2idHashing.Parameters(512, 2, 1)).hash("an older password");

        assertThat(hashing.matches("an older password", older)).isTrue();
    }

    @Test
    void the_hash_is_a_phc_string_with_a_16_byte_salt_and_a_32_byte_hash() {
        String hash = hashing.hash("x".repeat(12));
        String[] parts = hash.split("\\$");
        assertThat(parts).hasSize(6);
        assertThat(parts[4]).hasSize(22);
        assertThat(parts[5]).hasSize(43);
    }

    @Test
    void damaged_or_unbounded_stored_hashes_never_match() {
        assertThat(hashing.matches("p", "")).isFalse();
        assertThat(hashing.matches("p", "$argon2i$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA")).isFalse();
        assertThat(hashing.matches("p", "$argon2id$v=19$m=99999999,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"))
                .isFalse();
        assertThat(hashing.matches("p", "$argon2id$v=19$m=1024,t=1,p=1$!!$??")).isFalse();
    }

    @Test
    void parameters_out_of_bounds_are_refused_with_the_bounds() {
        assertThatThrownBy(() -> new Argon2idHashing.Parameters(4, 1, 1)).hasMessageContaining("m=4 KiB (8*p to");
    }
}
