package dev.primary.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * AWS-LC's Ed25519 (the server's, where its native library loads) gives BouncyCastle's signatures byte for byte,
 * accepts what BouncyCastle accepts and refuses what it refuses, keys of small order included; and a process that
 * cannot use it falls back to BouncyCastle with a reason. The build runs on Linux x86-64, where the library loads.
 */
class AwsLcEd25519Test {
    private static final Ed25519Engine AWS_LC = new AwsLcEd25519();
    private static final Ed25519Engine BOUNCY_CASTLE = new BouncyCastleEd25519();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BigInteger GROUP_ORDER = BigInteger.ONE.shiftLeft(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));

    @Test
    void both_engines_derive_the_same_public_key_and_make_the_same_signature_byte_for_byte() {
        for (int i = 0; i < 50; i++) {
            byte[] seed = random(32);
            byte[] message = random(i * 41);
            Ed25519Engine.Signer awsLc = AWS_LC.signer(seed);
            Ed25519Engine.Signer bouncyCastle = BOUNCY_CASTLE.signer(seed);

            assertThat(awsLc.publicKey()).isEqualTo(bouncyCastle.publicKey());
            assertThat(awsLc.sign(message)).hasSize(64).isEqualTo(bouncyCastle.sign(message));
        }
    }

    @Test
    void a_signature_made_by_either_engine_verifies_with_the_other() {
        byte[] seed = random(32);
        byte[] message = "POST /v1/register client 7".getBytes(StandardCharsets.UTF_8);
        byte[] publicKey = BOUNCY_CASTLE.signer(seed).publicKey();

        assertThat(AWS_LC.verifier(publicKey).verify(message, BOUNCY_CASTLE.signer(seed).sign(message))).isTrue();
        assertThat(BOUNCY_CASTLE.verifier(publicKey).verify(message, AWS_LC.signer(seed).sign(message))).isTrue();
    }

    @Test
    void aws_lc_refuses_an_altered_message_a_foreign_key_a_flipped_bit_and_a_malformed_signature() {
        byte[] seed = random(32);
        byte[] message = "lease".getBytes(StandardCharsets.UTF_8);
        byte[] signature = BOUNCY_CASTLE.signer(seed).sign(message);
        Ed25519Engine.Verifier verifier = AWS_LC.verifier(AWS_LC.signer(seed).publicKey());

        assertThat(verifier.verify(message, signature)).isTrue();
        assertThat(verifier.verify("lease!".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(AWS_LC.verifier(AWS_LC.signer(random(32)).publicKey()).verify(message, signature)).isFalse();
        assertThat(verifier.verify(message, new byte[63])).isFalse();
        assertThat(verifier.verify(message, new byte[65])).isFalse();
        assertThat(verifier.verify(message, null)).isFalse();
        for (int bit = 0; bit < 512; bit += 7) {
            byte[] flipped = signature.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(verifier.verify(message, flipped)).as("bit %d flipped", bit).isFalse();
        }
    }

    @Test
    void a_signature_whose_scalar_is_not_reduced_is_refused_by_both_engines() {
        byte[] seed = random(32);
        byte[] message = random(80);
        byte[] signature = BOUNCY_CASTLE.signer(seed).sign(message);
        byte[] publicKey = BOUNCY_CASTLE.signer(seed).publicKey();
        // the same signature with S + L: the same point equation, the malleable form RFC 8032 refuses
        byte[] malleable = signature.clone();
        System.arraycopy(littleEndian(littleEndian(signature, 32).add(GROUP_ORDER)), 0, malleable, 32, 32);

        assertThat(BOUNCY_CASTLE.verifier(publicKey).verify(message, malleable)).isFalse();
        assertThat(AWS_LC.verifier(publicKey).verify(message, malleable)).isFalse();
    }

    @Test
    void keys_that_are_no_point_non_canonical_or_of_small_order_are_refused_by_both_engines() {
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 2; // y = 2 has no x on the curve
        byte[] identity = new byte[32];
        identity[0] = 1; // the neutral point: every "signature" R = [s]B verifies for it
        byte[] orderTwo = HexFormat.of().parseHex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        byte[] nonCanonical = HexFormat.of().parseHex(
                "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"); // y = p + 1

        for (byte[] key : new byte[][] {notAPoint, identity, orderTwo, nonCanonical}) {
            assertThatThrownBy(() -> BOUNCY_CASTLE.verifier(key)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> AWS_LC.verifier(key)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> AWS_LC.verifier(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AWS_LC.signer(new byte[33])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_fastest_available_is_aws_lc_here_and_keys_made_after_it_interoperate_with_keys_made_before() {
        SigningKey before = Ed25519.generate();
        try {
            Ed25519.Selection selection = Ed25519.useFastestAvailable();

            assertThat(selection.provider()).isEqualTo(Ed25519.Provider.AWS_LC);
            assertThat(selection.description()).startsWith("AWS-LC (native, AmazonCorrettoCryptoProvider ");
            assertThat(Ed25519.engine()).isInstanceOf(AwsLcEd25519.class);
            SigningKey after = new SigningKey(Base64Url.decode(before.encoded()));
            byte[] message = random(100);
            assertThat(after.sign(message)).isEqualTo(before.sign(message));
            assertThat(PublicKey.decode(before.publicKey().encoded()).verifies(message, before.sign(message))).isTrue();
        } finally {
            Ed25519.use(Ed25519.Provider.BOUNCY_CASTLE);
        }
    }

    @Test
    void an_engine_that_does_not_load_leaves_bouncycastle_selected_and_says_why() {
        try {
            Ed25519.Selection selection = Ed25519.useFirstWorking(() -> {
                throw new UnsatisfiedLinkError("no native library for this platform");
            });

            assertThat(selection.provider()).isEqualTo(Ed25519.Provider.BOUNCY_CASTLE);
            assertThat(selection.description())
                    .isEqualTo("BouncyCastle (AWS-LC not used: no native library for this platform)");
            assertThat(Ed25519.engine()).isInstanceOf(BouncyCastleEd25519.class);
        } finally {
            Ed25519.use(Ed25519.Provider.BOUNCY_CASTLE);
        }
    }

    @Test
    void an_engine_whose_signatures_differ_from_bouncycastle_is_not_used() {
        Ed25519Engine wrong = new Ed25519Engine() {
            @Override
            public Signer signer(byte[] seed) {
                Signer real = BOUNCY_CASTLE.signer(seed);
                return new Signer() {
                    @Override
                    public byte[] publicKey() {
                        return real.publicKey();
                    }

                    @Override
                    public byte[] sign(byte[] message) {
                        byte[] signature = real.sign(message);
                        signature[5] ^= 1;
                        return signature;
                    }
                };
            }

            @Override
            public Verifier verifier(byte[] publicKey) {
                return BOUNCY_CASTLE.verifier(publicKey);
            }
        };
        Ed25519Engine acceptsAnything = new Ed25519Engine() {
            @Override
            public Signer signer(byte[] seed) {
                return BOUNCY_CASTLE.signer(seed);
            }

            @Override
            public Verifier verifier(byte[] publicKey) {
                return (message, signature) -> true;
            }
        };
        try {
            assertThat(Ed25519.useFirstWorking(() -> wrong).description())
                    .isEqualTo("BouncyCastle (AWS-LC not used: its key or signature of a known message differs from"
                            + " BouncyCastle's)");
            assertThat(Ed25519.useFirstWorking(() -> acceptsAnything).description())
                    .isEqualTo("BouncyCastle (AWS-LC not used: it does not verify a known signature as BouncyCastle"
                            + " does)");
            assertThat(Ed25519.engine()).isInstanceOf(BouncyCastleEd25519.class);
        } finally {
            Ed25519.use(Ed25519.Provider.BOUNCY_CASTLE);
        }
    }

    /** The little-endian unsigned number in {@code bytes[offset..offset+32)}. */
    private static BigInteger littleEndian(byte[] bytes, int offset) {
        byte[] bigEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndian[i] = bytes[offset + 31 - i];
        }
        return new BigInteger(1, bigEndian);
    }

    /** {@code value} as 32 little-endian bytes (it fits: S + L < 2^254). */
    private static byte[] littleEndian(BigInteger value) {
        byte[] bigEndian = value.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < Math.min(32, bigEndian.length); i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
