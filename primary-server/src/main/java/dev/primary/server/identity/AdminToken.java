package dev.primary.server.identity;

import dev.primary.protocol.crypto.Base64Url;
import dev.primary.protocol.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/** The admin API's bearer token: 32 random bytes, base64url. Compared in constant time; never printed. */
public final class AdminToken {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String text;
    private final byte[] digest;

    private AdminToken(String text) {
        this.text = text;
        this.digest = Sha256.of(text.getBytes(StandardCharsets.UTF_8));
    }

    public static AdminToken generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new AdminToken(Base64Url.encode(bytes));
    }

    /** Reads the text form kept in {@code admin-token}. */
    public static AdminToken decode(String text) {
        String token = text.strip();
        if (token.length() < 16) {
            throw new IllegalArgumentException("an admin token has at least 16 characters");
        }
        return new AdminToken(token);
    }

    /** Whether {@code presented} is this token; takes the same time whatever it is (compares digests). */
    public boolean matches(String presented) {
        byte[] presentedDigest = Sha256.of(presented.getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(digest, presentedDigest);
    }

    /** The text form, for the token file. */
    public String encoded() {
        return text;
    }

    @Override
    public String toString() {
        return "AdminToken[hidden]";
    }
}
