package dev.primary.protocol.crypto;

import java.util.Base64;

/** Unpadded base64url, the one binary-to-text encoding used on the wire and in files. */
public final class Base64Url {
    private Base64Url() {}

    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Decodes base64url (padded or not); a malformed text is an {@link IllegalArgumentException}. */
    public static byte[] decode(String text) {
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64url text", e);
        }
    }
}
