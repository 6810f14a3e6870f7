package dev.primary.protocol.tls;

import dev.primary.protocol.crypto.Base64Url;
import dev.primary.protocol.crypto.Sha256;
import java.security.cert.X509Certificate;
import java.util.regex.Pattern;

/**
 * A pin of a server's TLS key: {@code sha256/} + base64url of the SHA-256 of the certificate's
 * SubjectPublicKeyInfo. Pinning the key (not the certificate) survives a certificate renewal
 * that keeps the key.
 */
public record TlsPin(String value) {
    private static final Pattern FORM = Pattern.compile("sha256/[A-Za-z0-9_-]{43}");

    public TlsPin {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("TLS pin must look like sha256/<43 base64url characters>, got \"" + value + "\"");
        }
    }

    public static TlsPin of(X509Certificate certificate) {
        return new TlsPin("sha256/" + Base64Url.encode(Sha256.of(certificate.getPublicKey().getEncoded())));
    }

    public boolean matches(X509Certificate certificate) {
        return of(certificate).equals(this);
    }

    @Override
    public String toString() {
        return value;
    }
}
