package dev.primary.server.http;

import dev.primary.server.identity.TlsKeyMaterial;
import dev.primary.server.identity.SessionTicketKeys;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslCertificateCompressionConfig;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.OpenSslSessionContext;
import io.netty.handler.ssl.OpenSslSessionTicketKey;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.util.Arrays;
import javax.net.ssl.SSLException;

/**
 * Server TLS contexts. BoringSSL (netty-tcnative) where its native library loads — about twice the
 * JDK's full-handshake rate, see shared/LIMITS.md — else the JDK's TLS. TLS 1.3 and 1.2; session
 * tickets and the session cache stay on, so returning clients resume.
 * <p>
 * No certificate compression (RFC 8879), although Netty turns zlib on for BoringSSL by default: a Client Service's
 * TLS (Java 17) never asks for it, the chain is one small certificate, and every handshake of a client that asks
 * would cost the event loop a new zlib stream and a deflate of the same bytes (docs/performance.md, "Certificate
 * compression").
 */
public final class TlsContexts {
    /**
     * How long a TLS 1.2 session stays resumable, and the session cache keeps one: a day, longer than the four hours
     * between a client's check-ins (a session that expired exactly at the next check-in would make every one a full
     * handshake) and shorter than the ticket keys are kept (up to three days, see SessionTicketKeys). TLS 1.3 tickets,
     * which clients use, are not governed by it: they carry BoringSSL's own lifetime of two days (172,800 s, its
     * {@code psk_dhe} timeout, which netty-tcnative does not expose), also longer than a check-in interval and within
     * the ticket keys' three days. The fleet simulator's {@code HttpsTransportTest} checks the lifetime a client is
     * given in a real handshake with this context; docs/performance.md, "Outage recovery with sessions".
     */
    public static final long SESSION_TIMEOUT_SECONDS = 24 * 60 * 60;

    /** An empty set of algorithms: the server neither compresses its certificate nor accepts compressed ones. */
    static final OpenSslCertificateCompressionConfig NO_CERTIFICATE_COMPRESSION =
            OpenSslCertificateCompressionConfig.newBuilder().build();

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

    /**
     * Makes {@code keys} (newest first) the session ticket keys of {@code context}, where BoringSSL serves;
     * the JDK's TLS keeps its own. Returns whether they were applied.
     */
    public static boolean useTicketKeys(SslContext context, SessionTicketKeys keys) {
        if (!(context.sessionContext() instanceof OpenSslSessionContext sessions)) {
            return false;
        }
        OpenSslSessionTicketKey[] ticketKeys = keys.keys().stream().map(key -> {
            byte[] material = key.material();
            return new OpenSslSessionTicketKey(Arrays.copyOfRange(material, 0, 16), Arrays.copyOfRange(material, 16, 32),
                    Arrays.copyOfRange(material, 32, 48));
        }).toArray(OpenSslSessionTicketKey[]::new);
        sessions.setTicketKeys(ticketKeys);
        return true;
    }

    public static SslContext forServer(TlsKeyMaterial material, SslProvider provider) {
        try {
            SslContextBuilder builder = SslContextBuilder.forServer(material.privateKey(), material.chain())
                    .sslProvider(provider)
                    .protocols("TLSv1.3", "TLSv1.2")
                    .sessionTimeout(SESSION_TIMEOUT_SECONDS);
            if (provider == SslProvider.OPENSSL) {
                builder.option(OpenSslContextOption.CERTIFICATE_COMPRESSION_ALGORITHMS, NO_CERTIFICATE_COMPRESSION);
            }
            return builder.build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS with " + provider + ": " + e.getMessage(), e);
        }
    }
}
