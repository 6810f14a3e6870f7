package dev.primary.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A key read back from the server's store: decoded on its first verification, and the same key in every other way. */
class StoredPublicKeyTest {
    private final SigningKey signer = Ed25519.generate();
    private final byte[] message = "POST /v1/verify 42".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_stored_key_verifies_what_its_owner_signed_and_nothing_else() {
        PublicKey stored = PublicKey.decodeStored(signer.publicKey().encoded());
        byte[] signature = signer.sign(message);

        assertThat(stored.verifies(message, signature)).isTrue();
        assertThat(stored.verifies("POST /v1/verify 43".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(stored.verifies(message, Ed25519.generate().sign(message))).isFalse();
    }

    @Test
    void a_stored_key_is_equal_to_the_checked_one_and_has_its_id() {
        PublicKey checked = signer.publicKey();
        PublicKey stored = PublicKey.decodeStored(checked.encoded());

        assertThat(stored).isEqualTo(checked).hasSameHashCodeAs(checked);
        assertThat(stored.keyId()).isEqualTo(checked.keyId());
        assertThat(stored.encoded()).isEqualTo(checked.encoded());
    }

    @Test
    void stored_bytes_that_are_no_point_of_the_curve_verify_no_signature_while_decode_refuses_them() {
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 2; // y = 2 has no x on the curve
        String text = Base64Url.encode(notAPoint);

        assertThat(PublicKey.decodeStored(text).verifies(message, signer.sign(message))).isFalse();
        assertThatThrownBy(() -> PublicKey.decode(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a point of the curve");
    }

    @Test
    void a_stored_key_of_the_wrong_length_is_refused_at_once() {
        assertThatThrownBy(() -> PublicKey.decodeStored(Base64Url.encode(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }
}
