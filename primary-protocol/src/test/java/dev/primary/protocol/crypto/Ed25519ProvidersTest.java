package dev.primary.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** The JDK's Ed25519 (the Client Service's) and BouncyCastle's (the server's) give and accept the same signatures. */
class Ed25519ProvidersTest {
    private static final Ed25519Engine JDK = new JdkEd25519();
    private static final Ed25519Engine BOUNCY_CASTLE = new BouncyCastleEd25519();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void both_providers_derive_the_same_public_key_and_make_the_same_signature_byte_for_byte() {
        for (int i = 0; i < 20; i++) {
            byte[] seed = random(32);
            byte[] message = random(i * 37);
            Ed25519Engine.Signer jdk = JDK.signer(seed);
            Ed25519Engine.Signer bouncyCastle = BOUNCY_CASTLE.signer(seed);

            assertThat(jdk.publicKey()).isEqualTo(bouncyCastle.publicKey());
            assertThat(jdk.sign(message)).hasSize(64).isEqualTo(bouncyCastle.sign(message));
        }
    }

    @Test
    void a_signature_made_by_either_provider_verifies_with_the_other() {
        byte[] seed = random(32);
        byte[] message = "POST /v1/verify client 42".getBytes(StandardCharsets.UTF_8);
        byte[] publicKey = BOUNCY_CASTLE.signer(seed).publicKey();

        assertThat(BOUNCY_CASTLE.verifier(publicKey).verify(message, JDK.signer(seed).sign(message))).isTrue();
        assertThat(JDK.verifier(publicKey).verify(message, BOUNCY_CASTLE.signer(seed).sign(message))).isTrue();
    }

    @Test
    void the_jdk_provider_refuses_an_altered_message_a_foreign_key_and_a_malformed_signature() {
        byte[] seed = random(32);
        byte[] message = "lease".getBytes(StandardCharsets.UTF_8);
        byte[] signature = BOUNCY_CASTLE.signer(seed).sign(message);
        Ed25519Engine.Verifier verifier = JDK.verifier(JDK.signer(seed).publicKey());

        assertThat(verifier.verify("lease!".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(JDK.verifier(JDK.signer(random(32)).publicKey()).verify(message, signature)).isFalse();
        assertThat(verifier.verify(message, new byte[63])).isFalse();
        assertThat(verifier.verify(message, null)).isFalse();
        byte[] flipped = signature.clone();
        flipped[10] ^= 1;
        assertThat(verifier.verify(message, flipped)).isFalse();
        byte[] scalarTooLarge = signature.clone();
        scalarTooLarge[63] = (byte) 0xff;
        assertThat(verifier.verify(message, scalarTooLarge)).isFalse();
    }

    @Test
    void bytes_that_are_not_a_point_of_the_curve_are_refused_by_both_providers() {
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 2; // y = 2 has no x on the curve
        assertThatThrownBy(() -> BOUNCY_CASTLE.verifier(notAPoint)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JDK.verifier(notAPoint)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keys_made_after_selecting_the_jdk_provider_interoperate_with_keys_made_before() {
        SigningKey bouncyCastleKey = Ed25519.generate();
        try {
            Ed25519.use(Ed25519.Provider.JDK);
            SigningKey jdkKey = new SigningKey(Base64Url.decode(bouncyCastleKey.encoded()));
            byte[] message = random(100);

            assertThat(jdkKey.publicKey()).isEqualTo(bouncyCastleKey.publicKey());
            assertThat(jdkKey.sign(message)).isEqualTo(bouncyCastleKey.sign(message));
            assertThat(bouncyCastleKey.publicKey().verifies(message, jdkKey.sign(message))).isTrue();
            assertThat(PublicKey.decode(bouncyCastleKey.publicKey().encoded()).verifies(message,
                    bouncyCastleKey.sign(message))).isTrue();
        } finally {
            Ed25519.use(Ed25519.Provider.BOUNCY_CASTLE);
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
