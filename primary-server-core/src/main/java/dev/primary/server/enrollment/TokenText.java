package dev.primary.server.enrollment;

import dev.primary.protocol.crypto.Base64Url;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The text of an enrollment token, {@code <id>.<secret>}: an 8-letter public id (lower-case base32) that names
 * it in lists and audit entries, and 32 random bytes (base64url) that prove it. Only the SHA-256 of the
 * secret is stored; a secret of 256 random bits needs no slow hash, and comparing hashes in constant time
 * leaks nothing about it.
 *
 * @param id the public id
 * @param secret the secret part
 */
public record TokenText(String id, String secret) {
    private static final Pattern ID = Pattern.compile("[a-z2-7]{8}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public TokenText {
        if (id == null || !ID.matcher(id).matches() || secret == null || !SECRET.matcher(secret).matches()) {
            throw new IllegalArgumentException("not an enrollment token");
        }
    }

    /** A new token with a random id and secret. */
    public static TokenText random() {
        StringBuilder id = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            id.append(BASE32[RANDOM.nextInt(BASE32.length)]);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new TokenText(id.toString(), Base64Url.encode(secret));
    }

    /** Reads {@code <id>.<secret>}; empty for anything else (a refusal must not say which part was wrong). */
    public static Optional<TokenText> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String stripped = text.strip();
        int dot = stripped.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TokenText(stripped.substring(0, dot), stripped.substring(dot + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** SHA-256 of the secret, lower-case hex: what the store keeps. */
    public String secretHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Whether this token's secret is the one whose hash is {@code storedHash}, in constant time. */
    public boolean matches(String storedHash) {
        return MessageDigest.isEqual(secretHash().getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** The whole token, to show once. Not {@link #toString()}, so it is never logged by accident. */
    public String text() {
        return id + "." + secret;
    }

    @Override
    public String toString() {
        return "enrollment token " + id;
    }
}
