package dev.primary.protocol.crypto;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Ed25519 through BouncyCastle's low-level signer: about 20x faster than the JDK's provider on Java 17 (see
 * shared/LIMITS.md), which decides a check-in server's ceiling. The default engine.
 */
final class BouncyCastleEd25519 implements Ed25519Engine {

    @Override
    public Signer signer(byte[] seed) {
        Ed25519PrivateKeyParameters parameters = new Ed25519PrivateKeyParameters(seed, 0);
        byte[] publicKey = parameters.generatePublicKey().getEncoded();
        return new Signer() {
            @Override
            public byte[] publicKey() {
                return publicKey.clone();
            }

            @Override
            public byte[] sign(byte[] message) {
                Ed25519Signer signer = new Ed25519Signer();
                signer.init(true, parameters);
                signer.update(message, 0, message.length);
                return signer.generateSignature();
            }
        };
    }

    @Override
    public Verifier verifier(byte[] publicKey) {
        Ed25519PublicKeyParameters parameters = new Ed25519PublicKeyParameters(publicKey, 0);
        return (message, signature) -> {
            if (signature == null || signature.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
                return false;
            }
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, parameters);
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        };
    }
}
