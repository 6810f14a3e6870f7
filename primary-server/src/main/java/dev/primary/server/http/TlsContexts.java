package dev.primary.server.http;

import dev.primary.server.identity.TlsKeyMaterial;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import javax.net.ssl.SSLException;

/**
 * Server TLS contexts. BoringSSL (netty-tcnative) where its native library loads — about twice the
 * JDK's full-handshake rate, see shared/LIMITS.md — else the JDK's TLS. TLS 1.3 and 1.2; session
 * tickets and the session cache stay on, so returning clients resume.
 */
public final class TlsContexts {
    private TlsContexts() {}

    public static SslProvider preferredProvider() {
        return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
    }

    /** For the start-up log: which TLS stack serves, and why not BoringSSL if not. */
    public static String describe(SslProvider provider) {
        if (provider == SslProvider.OPENSSL) {
            return "OpenSSL provider (" + OpenSsl.versionString() + ")";
        }
        Throwable cause = OpenSsl.unavailabilityCause();
        return "JDK provider" + (cause == null ? "" : " (BoringSSL unavailable: " + cause.getMessage() + ")");
    }

    public static SslContext forServer(TlsKeyMaterial material, SslProvider provider) {
        try {
            return SslContextBuilder.forServer(material.privateKey(), material.chain())
                    .sslProvider(provider)
                    .protocols("TLSv1.3", "TLSv1.2")
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS with " + provider + ": " + e.getMessage(), e);
        }
    }
}
