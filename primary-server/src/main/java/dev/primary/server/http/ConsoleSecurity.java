package dev.primary.server.http;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The web console's browser-side defences (docs/security.md, "Web console"): the session cookie and its flags, the
 * CSRF token every POST must carry (an HMAC of the session token under a secret of this process, so nothing is
 * stored and a token of one session is worthless in another), the same-origin check on POSTs, and the headers
 * every console answer carries.
 */
final class ConsoleSecurity {
    static final String SESSION_COOKIE = "primary_session";
    static final String LOGIN_COOKIE = "primary_login";
    static final String CSRF_FIELD = "csrf";
    private static final String COOKIE_FLAGS = "; Path=/console; Secure; HttpOnly; SameSite=Strict";
    private static final int LOGIN_COOKIE_SECONDS = 600;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** The headers of every console answer: no framing, no inline script, no sniffing, no referrer to other sites (a browser sends {@code Origin: null} on a form POST under {@code no-referrer}), no caching. */
    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self';"
                    + " base-uri 'none'; object-src 'none'",
            "X-Frame-Options", "DENY",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "same-origin",
            "Cache-Control", "no-store",
            "Cross-Origin-Opener-Policy", "same-origin");

    private final byte[] secret;

    private ConsoleSecurity(byte[] secret) {
        this.secret = secret.clone();
    }

    /** With a new random secret: forms rendered before a restart must be reloaded after it. */
    static ConsoleSecurity withRandomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new ConsoleSecurity(secret);
    }

    /** The CSRF token of a session: HMAC-SHA256 of its token, base64url. */
    String csrfOf(String sessionToken) {
        return hmac("session:" + sessionToken);
    }

    /** The login form's CSRF token for the nonce in its {@link #LOGIN_COOKIE}. */
    String loginCsrfOf(String nonce) {
        return hmac("login:" + nonce);
    }

    /** Whether {@code presented} is the CSRF token of {@code sessionToken}, compared in constant time. */
    boolean csrfMatches(String sessionToken, String presented) {
        return constantTimeEquals(csrfOf(sessionToken), presented);
    }

    boolean loginCsrfMatches(String nonce, String presented) {
        return !nonce.isEmpty() && constantTimeEquals(loginCsrfOf(nonce), presented);
    }

    /** A fresh random nonce for the login form's cookie. */
    static String newNonce() {
        byte[] nonce = new byte[24];
        new SecureRandom().nextBytes(nonce);
        return BASE64URL.encodeToString(nonce);
    }

    /**
     * Whether a POST comes from a page of this console: a browser's {@code Sec-Fetch-Site} must say
     * {@code same-origin}, and an {@code Origin} must name this host. A request with neither (not a browser's) passes
     * here and still needs the CSRF token.
     */
    static boolean sameOrigin(Request request) {
        Optional<String> site = request.header("Sec-Fetch-Site").map(value -> value.strip().toLowerCase(Locale.ROOT));
        if (site.isPresent() && !site.get().equals("same-origin")) {
            return false;
        }
        Optional<String> origin = request.header("Origin").map(String::strip);
        if (origin.isEmpty()) {
            return true;
        }
        String host = request.header("Host").orElse("").strip();
        return !host.isEmpty() && origin.get().equalsIgnoreCase("https://" + host);
    }

    /** The value of cookie {@code name} in the request's {@code Cookie} header; empty when absent. */
    static String cookie(Request request, String name) {
        String header = request.header("Cookie").orElse("");
        for (String pair : header.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().equals(name)) {
                return pair.substring(equals + 1).strip();
            }
        }
        return "";
    }

    /** {@code Set-Cookie} for the session: lives as long as the browser runs, the token ends it at the latest. */
    static String sessionCookie(String token) {
        return SESSION_COOKIE + "=" + token + COOKIE_FLAGS;
    }

    static String clearedSessionCookie() {
        return SESSION_COOKIE + "=" + COOKIE_FLAGS + "; Max-Age=0";
    }

    static String loginCookie(String nonce) {
        return LOGIN_COOKIE + "=" + nonce + COOKIE_FLAGS + "; Max-Age=" + LOGIN_COOKIE_SECONDS;
    }

    /** {@link #HEADERS} and {@code more}. */
    static Map<String, String> headers(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(HEADERS);
        all.putAll(more);
        return all;
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return BASE64URL.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }

    private static boolean constantTimeEquals(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
