package dev.primary.protocol.crypto;

/**
 * One implementation of Ed25519: keys prepared once (parsing a private key computes its public half, as costly as
 * a signature), then signatures made and checked. Every engine gives the same bytes: Ed25519 is deterministic.
 */
interface Ed25519Engine {

    /** The private key {@code seed} (32 bytes) prepared for signing. */
    Signer signer(byte[] seed);

    /**
     * The public key {@code publicKey} (32 bytes) prepared for verifying.
     *
     * @throws IllegalArgumentException if the bytes are not a point of the curve
     */
    Verifier verifier(byte[] publicKey);

    /** A private key ready to sign. */
    interface Signer {
        /** The 32 bytes of its public half. */
        byte[] publicKey();

        byte[] sign(byte[] message);
    }

    /** A public key ready to verify. */
    interface Verifier {
        /** Whether {@code signature} is this key's signature of {@code message}; false for anything malformed. */
        boolean verify(byte[] message, byte[] signature);
    }
}
