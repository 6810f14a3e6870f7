package dev.primary.protocol.crypto;

import java.util.Arrays;

/** An Ed25519 private key (32-byte seed) with its public half. Never printed: toString hides it. */
public final class SigningKey {
    private final byte[] seed;
    private final Ed25519Engine.Signer signer;
    private final PublicKey publicKey;

    public SigningKey(byte[] seed) {
        if (seed == null || seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 private key is 32 bytes");
        }
        this.seed = seed.clone();
        this.signer = Ed25519.engine().signer(this.seed);
        this.publicKey = new PublicKey(signer.publicKey());
    }

    /** Reads the text form written by {@link #encoded()}. */
    public static SigningKey decode(String text) {
        return new SigningKey(Base64Url.decode(text.strip()));
    }

    public byte[] sign(byte[] message) {
        return signer.sign(message);
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The text form kept in key files (base64url of the 32-byte seed). */
    public String encoded() {
        return Base64Url.encode(seed);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningKey key && Arrays.equals(seed, key.seed);
    }

    @Override
    public int hashCode() {
        return publicKey.hashCode();
    }

    @Override
    public String toString() {
        return "SigningKey[" + publicKey.keyId() + "]";
    }
}
