package dev.primary.bench.harness;

import dev.primary.protocol.crypto.Base64Url;
import dev.primary.protocol.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The public half of a seeded client's key in its stored forms, derived from the computer's number: the same key
 * as {@link FleetSeeder#clientKey(int)}, made with BouncyCastle's bare Ed25519 (no point validation, no key
 * objects), because deriving a million keys is most of a large seed's work.
 *
 * @param encoded base64url of the 32-byte public key, as {@code PublicKey.encoded()} writes it
 * @param keyId base64url of the first 16 bytes of its SHA-256, as {@code PublicKey.keyId()} names it
 */
record SeededClientKey(String encoded, String keyId) {
    static SeededClientKey of(int number) {
        byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed(number), 0, publicKey, 0);
        return new SeededClientKey(Base64Url.encode(publicKey), Base64Url.encode(Arrays.copyOf(Sha256.of(publicKey), 16)));
    }

    /** The 32-byte Ed25519 seed (private key) of seeded client {@code number}. */
    static byte[] seed(int number) {
        return Sha256.of(("primary-bench/client/" + number).getBytes(StandardCharsets.UTF_8));
    }
}
