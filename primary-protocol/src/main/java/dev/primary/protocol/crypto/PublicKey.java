package dev.primary.protocol.crypto;

import java.util.Arrays;

/**
 * An Ed25519 public key. Its {@link #keyId()} (base64url of the first 16 bytes of its SHA-256)
 * names it on the wire, in leases and in logs.
 */
public final class PublicKey {
    private final byte[] bytes;
    private volatile Ed25519Engine.Verifier verifier;
    private volatile String keyId;

    public PublicKey(byte[] bytes) {
        this(bytes, true);
    }

    private PublicKey(byte[] bytes, boolean checkNow) {
        if (bytes == null || bytes.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
        }
        this.bytes = bytes.clone();
        if (checkNow) {
            this.verifier = verifierOf(this.bytes);
        }
    }

    /** Reads the text form written by {@link #encoded()}; rejects anything that is not a key. */
    public static PublicKey decode(String text) {
        if (text == null) {
            throw new IllegalArgumentException("public key is missing");
        }
        return new PublicKey(Base64Url.decode(text.strip()));
    }

    /**
     * Reads a key that was checked with {@link #decode} when it was first accepted and has been kept since (the
     * server's store): its point on the curve is decoded at its first {@link #verifies} only, so a request that
     * needs no signature (a check-in authenticated by its check-in key) spends nothing on it. Still 32 bytes or
     * refused; a stored value that is no point of the curve verifies no signature.
     */
    public static PublicKey decodeStored(String text) {
        if (text == null) {
            throw new IllegalArgumentException("public key is missing");
        }
        return new PublicKey(Base64Url.decode(text.strip()), false);
    }

    public boolean verifies(byte[] message, byte[] signature) {
        Ed25519Engine.Verifier prepared = verifier;
        if (prepared == null) {
            try {
                prepared = verifierOf(bytes);
            } catch (IllegalArgumentException notAPoint) {
                return false;
            }
            verifier = prepared;
        }
        return prepared.verify(message, signature);
    }

    private static Ed25519Engine.Verifier verifierOf(byte[] bytes) {
        try {
            return Ed25519.engine().verifier(bytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: its 32 bytes are not a point of the curve", e);
        }
    }

    public String encoded() {
        return Base64Url.encode(bytes);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String keyId() {
        String id = keyId;
        if (id == null) {
            id = Base64Url.encode(Arrays.copyOf(Sha256.of(bytes), 16));
            keyId = id;
        }
        return id;
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
