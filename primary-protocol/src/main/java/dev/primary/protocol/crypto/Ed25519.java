package dev.primary.protocol.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Ed25519 keys and signatures, and which implementation computes them in this process. BouncyCastle's low-level
 * signer by default; the server selects AWS-LC's native one with {@link #useFastestAvailable} when its library loads
 * (a server signs and verifies thousands a second); a program that signs rarely and must stay small (the Client
 * Service) selects the JDK's own provider with {@link #use} before it makes its first key, and then never loads
 * BouncyCastle. All give the same signatures byte for byte: Ed25519 is deterministic.
 */
public final class Ed25519 {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile Ed25519Engine engine;
    private static volatile Provider selected = Provider.BOUNCY_CASTLE;

    /** The implementations a program may select. */
    public enum Provider {
        /** BouncyCastle's low-level signer: fast; the default. */
        BOUNCY_CASTLE,
        /** The JDK's {@code Signature "Ed25519"}: about 20x slower, and no BouncyCastle class is loaded. */
        JDK,
        /**
         * AWS-LC through Amazon Corretto Crypto Provider (a native library, Linux x86-64 only): 2-2.7x faster than
         * BouncyCastle; keys are still checked by BouncyCastle. Its jar must be on the class path.
         */
        AWS_LC
    }

    /**
     * The implementation a process selected and, when it is not the one it asked for, why.
     *
     * @param provider the implementation in use from now on
     * @param description what to tell an operator: the implementation, its version, and the reason for a fallback
     */
    public record Selection(Provider provider, String description) {}

    /** A fixed seed and message whose signature every implementation must reproduce before it is used. */
    private static final byte[] CHECK_SEED = new byte[32];
    private static final byte[] CHECK_MESSAGE = "primary ed25519 known answer".getBytes(StandardCharsets.US_ASCII);

    private Ed25519() {}

    /** Selects the implementation for every key made from now on (keys made before keep theirs). */
    public static void use(Provider provider) {
        engine = switch (provider) {
            case BOUNCY_CASTLE -> new BouncyCastleEd25519();
            case JDK -> new JdkEd25519();
            case AWS_LC -> new AwsLcEd25519();
        };
        selected = provider;
    }

    /** The implementation keys made now get: {@link Provider#BOUNCY_CASTLE} until another is selected. */
    public static Provider selected() {
        return selected;
    }

    /**
     * Selects AWS-LC for every key made from now on when its native library loads on this platform and it gives
     * BouncyCastle's signature of a known message and accepts and refuses what BouncyCastle does; BouncyCastle
     * otherwise. Never throws: a platform without the library (another architecture, a temporary directory that
     * does not allow executables) runs as before, and the selection says why.
     */
    public static Selection useFastestAvailable() {
        return useFirstWorking(AwsLcEd25519::new);
    }

    /** {@link #useFastestAvailable} with the preferred engine made by {@code preferred}: for tests of the fallback. */
    static Selection useFirstWorking(Supplier<? extends Ed25519Engine> preferred) {
        Ed25519Engine reference = new BouncyCastleEd25519();
        String refusal;
        try {
            Ed25519Engine candidate = preferred.get();
            refusal = knownAnswerMismatch(candidate, reference);
            if (refusal == null) {
                engine = candidate;
                selected = Provider.AWS_LC;
                return new Selection(Provider.AWS_LC, "AWS-LC (native" + (candidate instanceof AwsLcEd25519 awsLc
                        ? ", " + awsLc.version() : "") + ")");
            }
        } catch (RuntimeException | LinkageError e) {
            refusal = String.valueOf(e.getMessage());
        }
        engine = reference;
        selected = Provider.BOUNCY_CASTLE;
        return new Selection(Provider.BOUNCY_CASTLE, "BouncyCastle (AWS-LC not used: " + refusal + ")");
    }

    /** Null when {@code candidate} signs, verifies and refuses as {@code reference} does; otherwise what differed. */
    private static String knownAnswerMismatch(Ed25519Engine candidate, Ed25519Engine reference) {
        Ed25519Engine.Signer expected = reference.signer(CHECK_SEED);
        Ed25519Engine.Signer actual = candidate.signer(CHECK_SEED);
        byte[] signature = expected.sign(CHECK_MESSAGE);
        if (!Arrays.equals(actual.publicKey(), expected.publicKey())
                || !Arrays.equals(actual.sign(CHECK_MESSAGE), signature)) {
            return "its key or signature of a known message differs from BouncyCastle's";
        }
        Ed25519Engine.Verifier verifier = candidate.verifier(expected.publicKey());
        byte[] altered = signature.clone();
        altered[0] ^= 1;
        if (!verifier.verify(CHECK_MESSAGE, signature) || verifier.verify(CHECK_MESSAGE, altered)) {
            return "it does not verify a known signature as BouncyCastle does";
        }
        return null;
    }

    /** Creates a new key pair: an Ed25519 private key is 32 bytes from the platform's strong random source. */
    public static SigningKey generate() {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        return new SigningKey(seed);
    }

    /** The selected implementation; BouncyCastle when none was selected. */
    static Ed25519Engine engine() {
        Ed25519Engine current = engine;
        if (current == null) {
            synchronized (Ed25519.class) {
                if (engine == null) {
                    engine = new BouncyCastleEd25519();
                }
                current = engine;
            }
        }
        return current;
    }
}
