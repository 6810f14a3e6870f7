package dev.primary.protocol.crypto;

import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Ed25519 signatures through BouncyCastle's low-level signer: about 15x faster than the JDK's
 * provider on Java 17 (see shared/LIMITS.md), which decides a check-in server's ceiling.
 */
public final class Ed25519 {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ed25519() {}

    /** Creates a new key pair from the platform's strong random source. */
    public static SigningKey generate() {
        Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
        generator.init(new Ed25519KeyGenerationParameters(RANDOM));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new SigningKey(((Ed25519PrivateKeyParameters) pair.getPrivate()).getEncoded());
    }

    /** Parsed once per key: parsing a private key recomputes its public half, as costly as a signature. */
    static Ed25519PrivateKeyParameters privateParameters(byte[] privateKey) {
        return new Ed25519PrivateKeyParameters(privateKey, 0);
    }

    static Ed25519PublicKeyParameters publicParameters(byte[] publicKey) {
        return new Ed25519PublicKeyParameters(publicKey, 0);
    }

    static byte[] sign(Ed25519PrivateKeyParameters privateKey, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    static boolean verify(Ed25519PublicKeyParameters publicKey, byte[] message, byte[] signature) {
        if (signature == null || signature.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, publicKey);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }
}
