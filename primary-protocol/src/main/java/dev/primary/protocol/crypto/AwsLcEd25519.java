package dev.primary.protocol.crypto;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * Ed25519 computed by AWS-LC, the native library behind Amazon Corretto Crypto Provider: about 2.7x faster to verify
 * and 2x faster to sign than BouncyCastle on this machine (docs/performance.md), which decides how many registrations
 * and signed check-ins a server answers. Only the arithmetic is AWS-LC's. Which public keys are accepted stays
 * BouncyCastle's decision: AWS-LC takes a key of small order (for which anybody can make a signature that verifies),
 * BouncyCastle refuses it, so a key is checked by BouncyCastle's parser before AWS-LC is given it, and both engines
 * accept exactly the same keys. The key objects handed to the provider carry only their standard encodings (X.509
 * and PKCS#8, RFC 8410): no provider key factory is involved, and the provider is never installed process-wide.
 *
 * <p>Loading this class loads the provider's native library; {@link Ed25519#useFastestAvailable} does that once and
 * falls back to BouncyCastle when it cannot.
 */
final class AwsLcEd25519 implements Ed25519Engine {
    private static final String ALGORITHM = "Ed25519";
    /** The DER prefix of an Ed25519 key's X.509 SubjectPublicKeyInfo (RFC 8410); its 32 bytes follow. */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    /** The DER prefix of an Ed25519 key's PKCS#8 PrivateKeyInfo (RFC 8410); its 32-byte seed follows. */
    private static final byte[] PKCS8_PREFIX = {0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65,
            0x70, 0x04, 0x22, 0x04, 0x20};

    private final Provider provider;

    /**
     * @throws IllegalStateException if the provider's native library did not load on this platform
     */
    AwsLcEd25519() {
        AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
        Throwable loadingError = accp.getLoadingError();
        if (loadingError != null) {
            throw new IllegalStateException("its native library did not load: " + loadingError, loadingError);
        }
        this.provider = accp;
    }

    /** The provider's name and version, for the start's report. */
    String version() {
        return provider.getName() + " " + provider.getVersionStr();
    }

    @Override
    public Signer signer(byte[] seed) {
        if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 private key is 32 bytes, not " + seed.length);
        }
        byte[] publicKey = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
        EncodedKey.Private privateKey = new EncodedKey.Private(concat(PKCS8_PREFIX, seed));
        return new Signer() {
            @Override
            public byte[] publicKey() {
                return publicKey.clone();
            }

            @Override
            public byte[] sign(byte[] message) {
                try {
                    Signature signature = Signature.getInstance(ALGORITHM, provider);
                    signature.initSign(privateKey);
                    signature.update(message);
                    return signature.sign();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("AWS-LC failed to make an Ed25519 signature", e);
                }
            }
        };
    }

    @Override
    public Verifier verifier(byte[] publicKey) {
        if (publicKey.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, not " + publicKey.length);
        }
        // BouncyCastle's parser refuses what is not a point of the curve, a non-canonical encoding and a point of
        // small order, exactly as the BouncyCastle engine does (IllegalArgumentException)
        new Ed25519PublicKeyParameters(publicKey, 0);
        EncodedKey.Public key = new EncodedKey.Public(concat(X509_PREFIX, publicKey));
        return (message, signature) -> {
            if (signature == null || signature.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
                return false;
            }
            try {
                Signature verifier = Signature.getInstance(ALGORITHM, provider);
                verifier.initVerify(key);
                verifier.update(message);
                return verifier.verify(signature);
            } catch (SignatureException e) {
                return false;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AWS-LC failed to verify an Ed25519 signature", e);
            }
        };
    }

    private static byte[] concat(byte[] prefix, byte[] key) {
        byte[] encoded = Arrays.copyOf(prefix, prefix.length + key.length);
        System.arraycopy(key, 0, encoded, prefix.length, key.length);
        return encoded;
    }

    /** A key as its standard encoding alone, the form a provider takes a key of another provider in. */
    private abstract static class EncodedKey implements java.security.Key {
        private static final long serialVersionUID = 1L;
        private final byte[] encoded;

        EncodedKey(byte[] encoded) {
            this.encoded = encoded;
        }

        @Override
        public String getAlgorithm() {
            return "EdDSA";
        }

        @Override
        public byte[] getEncoded() {
            return encoded.clone();
        }

        static final class Public extends EncodedKey implements java.security.PublicKey {
            private static final long serialVersionUID = 1L;

            Public(byte[] encoded) {
                super(encoded);
            }

            @Override
            public String getFormat() {
                return "X.509";
            }
        }

        static final class Private extends EncodedKey implements java.security.PrivateKey {
            private static final long serialVersionUID = 1L;

            Private(byte[] encoded) {
                super(encoded);
            }

            @Override
            public String getFormat() {
                return "PKCS#8";
            }

            @Override
            public String toString() {
                return "Ed25519 private key";
            }
        }
    }
}
