package dev.primary.protocol.crypto;

import java.util.Arrays;

/**
 * An Ed25519 public key. Its {@link #keyId()} (base64url of the first 16 bytes of its SHA-256)
 * names it on the wire, in leases and in logs.
 */
public final class PublicKey {
    private final byte[] bytes;
    private final Ed25519Engine.Verifier verifier;
    private final String keyId;

    public PublicKey(byte[] bytes) {
        if (bytes == null || bytes.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
        }
        this.bytes = bytes.clone();
        try {
            this.verifier = Ed25519.engine().verifier(this.bytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: its 32 bytes are not a point of the curve", e);
        }
        this.keyId = Base64Url.encode(Arrays.copyOf(Sha256.of(this.bytes), 16));
    }

    /** Reads the text form written by {@link #encoded()}; rejects anything that is not a key. */
    public static PublicKey decode(String text) {
        if (text == null) {
            throw new IllegalArgumentException("public key is missing");
        }
        return new PublicKey(Base64Url.decode(text.strip()));
    }

    public boolean verifies(byte[] message, byte[] signature) {
        return verifier.verify(message, signature);
    }

    public String encoded() {
        return Base64Url.encode(bytes);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String keyId() {
        return keyId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PublicKey key && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "PublicKey[" + keyId() + "]";
    }
}
