package dev.primary.protocol.crypto;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cheaper way a licensed client authenticates its check-ins ({@code verify}): HMAC-SHA256 with the check-in
 * key the server gave it, over the same {@linkplain RequestSignature#signedBytes canonical bytes} and sequence an
 * Ed25519 signature covers. Such a request carries {@link RequestSignature#CLIENT_ID}, {@link RequestSignature#SEQUENCE},
 * {@link #KEY_VERSION} (the key's version, from the answer that handed it out) and {@link #MAC} instead of
 * {@link RequestSignature#SIGNATURE}. Every other request stays signed.
 */
public final class RequestMac {
    public static final String MAC = "Primary-Mac";
    public static final String KEY_VERSION = "Primary-Mac-Key";
    /**
     * Sent with the value {@link #TAKES_KEY_VALUE} on a signed {@code register} or {@code verify} by a client that takes a
     * check-in key in a licensed answer; without it the server sends none (an older client would refuse the field).
     */
    public static final String TAKES_KEY = "Primary-Check-In-Key";
    public static final String TAKES_KEY_VALUE = "wanted";
    /** Length of a check-in key and of a MAC, in bytes. */
    public static final int LENGTH = 32;

    private static final String ALGORITHM = "HmacSHA256";
    /**
     * One HMAC-SHA256 engine per thread, keyed anew for each MAC: looking the algorithm up in the security providers
     * at every check-in cost the server about as much as computing the MAC (docs/performance.md, "The MAC check").
     */
    private static final ThreadLocal<Mac> ENGINES = ThreadLocal.withInitial(RequestMac::newEngine);

    private RequestMac() {}

    /** HMAC-SHA256 of {@code signedBytes} with {@code key}. */
    public static byte[] mac(byte[] key, byte[] signedBytes) {
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("a check-in key has " + LENGTH + " bytes, not " + key.length);
        }
        Mac mac = ENGINES.get();
        try {
            mac.init(new SecretKeySpec(key, ALGORITHM));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 refused a " + LENGTH + "-byte key", e);
        }
        return mac.doFinal(signedBytes);
    }

    private static Mac newEngine() {
        try {
            return Mac.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this Java runtime", e);
        }
    }

    /** Whether {@code mac} is the MAC of {@code signedBytes} with {@code key}, compared in constant time. */
    public static boolean verifies(byte[] key, byte[] signedBytes, byte[] mac) {
        return MessageDigest.isEqual(mac(key, signedBytes), mac);
    }

    /** The value of the {@link #MAC} header for a request. */
    public static String header(byte[] key, String method, String path, String clientId, long sequence, byte[] body) {
        return Base64Url.encode(mac(key, RequestSignature.signedBytes(method, path, clientId, sequence, body)));
    }
}
