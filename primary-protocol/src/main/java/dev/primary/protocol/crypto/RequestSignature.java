package dev.primary.protocol.crypto;

import java.nio.charset.StandardCharsets;

/**
 * How a Client Service authenticates its requests. Each request carries three headers:
 * {@link #CLIENT_ID} (the {@link PublicKey#keyId()} of the client's key), {@link #SEQUENCE}
 * (a number larger than any the client sent before; clients use
 * {@code max(last + 1, epoch milliseconds)}) and {@link #SIGNATURE}, the client's Ed25519
 * signature over {@link #signedBytes}. The server refuses a sequence it has already seen, so a
 * captured request cannot be replayed.
 */
public final class RequestSignature {
    public static final String CLIENT_ID = "Primary-Client-Id";
    public static final String SEQUENCE = "Primary-Sequence";
    public static final String SIGNATURE = "Primary-Signature";

    private RequestSignature() {}

    /** The exact bytes a client signs for a request. */
    public static byte[] signedBytes(String method, String path, String clientId, long sequence, byte[] body) {
        String text = "primary-request\n" + method + "\n" + path + "\n" + clientId + "\n" + sequence + "\n"
                + Sha256.hex(body);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The value of the {@link #SIGNATURE} header for a request. */
    public static String sign(SigningKey key, String method, String path, long sequence, byte[] body) {
        String clientId = key.publicKey().keyId();
        return Base64Url.encode(key.sign(signedBytes(method, path, clientId, sequence, body)));
    }
}
