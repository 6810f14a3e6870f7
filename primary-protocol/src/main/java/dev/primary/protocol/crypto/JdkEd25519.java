package dev.primary.protocol.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Ed25519 through the JDK's own provider ({@code Signature "Ed25519"}): about 20x slower than BouncyCastle on Java 17,
 * which does not matter to a Client Service that signs one request every four hours, and it leaves BouncyCastle's
 * classes unloaded, which an idle client feels in its resident memory (docs/performance.md).
 */
final class JdkEd25519 implements Ed25519Engine {
    /** The DER prefix of an Ed25519 key's X.509 SubjectPublicKeyInfo (RFC 8410); its 32 bytes follow. */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final String ALGORITHM = "Ed25519";

    @Override
    public Signer signer(byte[] seed) {
        byte[] publicKey = publicHalf(seed);
        PrivateKey privateKey;
        try {
            privateKey = KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed.clone()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's Ed25519 provider refused a 32-byte private key", e);
        }
        return new Signer() {
            @Override
            public byte[] publicKey() {
                return publicKey.clone();
            }

            @Override
            public byte[] sign(byte[] message) {
                try {
                    Signature signature = Signature.getInstance(ALGORITHM);
                    signature.initSign(privateKey);
                    signature.update(message);
                    return signature.sign();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("the JDK's Ed25519 provider failed to sign", e);
                }
            }
        };
    }

    @Override
    public Verifier verifier(byte[] publicKey) {
        java.security.PublicKey key;
        try {
            byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + publicKey.length);
            System.arraycopy(publicKey, 0, encoded, X509_PREFIX.length, publicKey.length);
            key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(encoded));
            // the point is decoded (and checked to lie on the curve) when a verification starts
            Signature.getInstance(ALGORITHM).initVerify(key);
        } catch (InvalidKeyException | java.security.spec.InvalidKeySpecException e) {
            throw new IllegalArgumentException("not a point of the curve", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519 provider", e);
        }
        return (message, signature) -> {
            if (signature == null || signature.length != 64) {
                return false;
            }
            try {
                Signature verifier = Signature.getInstance(ALGORITHM);
                verifier.initVerify(key);
                verifier.update(message);
                return verifier.verify(signature);
            } catch (SignatureException e) {
                return false;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK's Ed25519 provider failed to verify", e);
            }
        };
    }

    /**
     * The public half of {@code seed}. The JDK has no call for it, but its key pair generator derives a pair from the
     * 32 bytes it draws: it is given a source that yields exactly the seed, and the pair is checked to hold that seed.
     */
    private static byte[] publicHalf(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new SeedSource(seed));
            KeyPair pair = generator.generateKeyPair();
            byte[] drawn = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
            if (!Arrays.equals(drawn, seed)) {
                throw new IllegalStateException("the JDK's Ed25519 key pair generator did not use the given seed");
            }
            byte[] encoded = pair.getPublic().getEncoded();
            return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519 provider", e);
        }
    }

    /** A random source that yields one given seed: only for {@link #publicHalf}. */
    private static final class SeedSource extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient byte[] seed;

        SeedSource(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("expected a draw of " + seed.length + " bytes, not " + bytes.length);
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
