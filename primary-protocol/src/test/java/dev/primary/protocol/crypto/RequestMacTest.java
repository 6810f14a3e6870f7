package dev.primary.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.message.CheckInKey;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RequestMacTest {
    private static final byte[] KEY = HexFormat.of().parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] BODY = "{\"leaseId\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void the_mac_is_hmac_sha256_over_the_bytes_a_signature_covers() throws Exception {
        byte[] signed = RequestSignature.signedBytes("POST", "/v1/verify", "client", 42, BODY);
        javax.crypto.Mac reference = javax.crypto.Mac.getInstance("HmacSHA256");
        reference.init(new javax.crypto.spec.SecretKeySpec(KEY, "HmacSHA256"));

        assertThat(RequestMac.mac(KEY, signed)).isEqualTo(reference.doFinal(signed)).hasSize(32);
        assertThat(RequestMac.header(KEY, "POST", "/v1/verify", "client", 42, BODY))
                .isEqualTo(Base64Url.encode(reference.doFinal(signed)));
    }

    @Test
    void a_mac_verifies_only_for_the_same_bytes_and_key() {
        byte[] signed = RequestSignature.signedBytes("POST", "/v1/verify", "client", 42, BODY);
        byte[] mac = RequestMac.mac(KEY, signed);
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;

        assertThat(RequestMac.verifies(KEY, signed, mac)).isTrue();
        assertThat(RequestMac.verifies(KEY, RequestSignature.signedBytes("POST", "/v1/verify", "client", 43, BODY), mac))
                .as("another sequence").isFalse();
        assertThat(RequestMac.verifies(otherKey, signed, mac)).as("another key").isFalse();
        assertThat(RequestMac.verifies(KEY, signed, new byte[5])).as("a short MAC").isFalse();
    }

    @Test
    void a_check_in_key_holds_32_bytes_and_a_version_from_1_and_never_prints_the_key() {
        CheckInKey key = CheckInKey.of(3, KEY);

        assertThat(key.bytes()).isEqualTo(KEY);
        assertThat(key.toString()).doesNotContain(key.key());
        assertThatThrownBy(() -> CheckInKey.of(0, KEY)).hasMessageContaining("version must be 1 or more");
        assertThatThrownBy(() -> CheckInKey.of(1, new byte[16])).hasMessageContaining("32 bytes, not 16");
        assertThatThrownBy(() -> RequestMac.mac(new byte[16], BODY)).hasMessageContaining("32 bytes, not 16");
    }
}
