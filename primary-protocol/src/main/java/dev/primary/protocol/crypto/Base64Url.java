package dev.primary.protocol.crypto;

import java.util.Arrays;
import java.util.Base64;

/**
 * Unpadded base64url, the one binary-to-text encoding used on the wire and in files. Decoding is
 * canonical: padding ({@code =}) and unused trailing bits that are not zero are refused, so every
 * byte string (a signature, a key) has exactly one spelling.
 */
public final class Base64Url {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Base64Url() {}

    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /**
     * Decodes unpadded base64url; padding, characters outside the base64url alphabet, an impossible
     * length, or non-zero unused trailing bits are an {@link IllegalArgumentException} that says which.
     */
    public static byte[] decode(String text) {
        if (text.indexOf('=') >= 0) {
            throw new IllegalArgumentException("not unpadded base64url text: padding '=' is not allowed");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64url text: " + e.getMessage(), e);
        }
        if (!Arrays.equals(ENCODER.encode(bytes), text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))) {
            throw new IllegalArgumentException("not canonical base64url text: its unused trailing bits are not zero");
        }
        return bytes;
    }
}
