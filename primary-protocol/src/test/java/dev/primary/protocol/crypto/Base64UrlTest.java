package dev.primary.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Base64UrlTest {
    @Test
    void unpadded_text_decodes() {
        assertThat(Base64Url.decode("AQI")).containsExactly(1, 2);
        assertThat(Base64Url.decode(Base64Url.encode(new byte[64]))).hasSize(64);
    }

    @Test
    void padded_text_is_refused() {
        assertThatThrownBy(() -> Base64Url.decode("AQI="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("padding");
    }

    @Test
    void a_second_spelling_with_other_unused_trailing_bits_is_refused() {
        // "AQI" is 0x01 0x02 with the last two bits zero; "AQJ" differs only in those unused bits.
        assertThatThrownBy(() -> Base64Url.decode("AQJ"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trailing bits");
    }

    @Test
    void a_signature_has_exactly_one_spelling() {
        SigningKey key = Ed25519.generate();
        String signature = Base64Url.encode(key.sign(new byte[] {1}));
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(signature.charAt(signature.length() - 1));
        // a 64-byte signature leaves 4 unused bits in its last character; setting one keeps the bytes the same
        String other = signature.substring(0, signature.length() - 1) + alphabet.charAt(last | 1);

        assertThat(Base64Url.decode(signature)).hasSize(64);
        assertThatThrownBy(() -> Base64Url.decode(other)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void characters_outside_the_url_alphabet_are_refused() {
        assertThatThrownBy(() -> Base64Url.decode("A+I")).isInstanceOf(IllegalArgumentException.class);
    }
}
