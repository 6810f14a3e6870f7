package dev.primary.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.crypto.SigningKey;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeededClientKeyTest {
    @Test
    void the_stored_key_of_a_seeded_client_is_the_public_half_of_the_key_the_seeder_hands_out() {
        for (int number : new int[] {1, 2, 1_500, 999_999}) {
            SigningKey key = FleetSeeder.clientKey(number);
            SeededClientKey stored = SeededClientKey.of(number);

            assertThat(stored.encoded()).isEqualTo(key.publicKey().encoded());
            assertThat(stored.keyId()).isEqualTo(key.publicKey().keyId());
            assertThat(PublicKey.decode(stored.encoded())).isEqualTo(key.publicKey());
        }
    }

    @Test
    void every_seeded_client_has_its_own_key_and_lease() {
        assertThat(IntStream.rangeClosed(1, 1_000).mapToObj(number -> SeededClientKey.of(number).keyId()))
                .doesNotHaveDuplicates();
        assertThat(IntStream.rangeClosed(1, 1_000).mapToObj(FleetSeeder::leaseId)).doesNotHaveDuplicates()
                .allMatch(leaseId -> leaseId.length() == 22);
    }
}
