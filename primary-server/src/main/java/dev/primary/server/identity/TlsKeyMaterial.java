package dev.primary.server.identity;

import dev.primary.protocol.tls.TlsPin;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The TLS private key and certificate chain both ports present.
 *
 * @param privateKey the key of the first certificate
 * @param chain the server certificate first, then any intermediates
 */
public record TlsKeyMaterial(PrivateKey privateKey, List<X509Certificate> chain) {
    public TlsKeyMaterial {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a TLS certificate chain needs at least one certificate");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The pin clients keep: the SHA-256 of the certificate's public key. */
    public TlsPin pin() {
        return TlsPin.of(certificate());
    }

    @Override
    public String toString() {
        return "TlsKeyMaterial[" + certificate().getSubjectX500Principal() + ", " + pin() + "]";
    }
}
