package dev.primary.protocol.crypto;

import java.security.SecureRandom;

/**
 * Ed25519 keys and signatures, and which implementation computes them in this process. BouncyCastle's low-level
 * signer by default (a server signs and verifies thousands a second); a program that signs rarely and must stay small
 * (the Client Service) selects the JDK's own provider with {@link #use} before it makes its first key, and then never
 * loads BouncyCastle. Both give the same signatures byte for byte: Ed25519 is deterministic.
 */
public final class Ed25519 {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile Ed25519Engine engine;

    /** The implementations a program may select. */
    public enum Provider {
        /** BouncyCastle's low-level signer: fast; the default. */
        BOUNCY_CASTLE,
        /** The JDK's {@code Signature "Ed25519"}: about 20x slower, and no BouncyCastle class is loaded. */
        JDK
    }

    private Ed25519() {}

    /** Selects the implementation for every key made from now on (keys made before keep theirs). */
    public static void use(Provider provider) {
        engine = switch (provider) {
            case BOUNCY_CASTLE -> new BouncyCastleEd25519();
            case JDK -> new JdkEd25519();
        };
    }

    /** Creates a new key pair: an Ed25519 private key is 32 bytes from the platform's strong random source. */
    public static SigningKey generate() {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        return new SigningKey(seed);
    }

    /** The selected implementation; BouncyCastle when none was selected. */
    static Ed25519Engine engine() {
        Ed25519Engine selected = engine;
        if (selected == null) {
            synchronized (Ed25519.class) {
                if (engine == null) {
                    engine = new BouncyCastleEd25519();
                }
                selected = engine;
            }
        }
        return selected;
    }
}
