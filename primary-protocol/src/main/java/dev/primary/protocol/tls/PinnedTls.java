package dev.primary.protocol.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS contexts for talking to a Primary Server whose key is pinned (the Client Service, the admin
 * command), or whose key is about to be pinned (the Deployment Utility's first look). Trust comes
 * from the pin alone: no certificate authority and no host name check, because the server's
 * certificate is self-made and clients may reach it by any name or address.
 */
public final class PinnedTls {
    private PinnedTls() {}

    /** A context that accepts only a server whose key matches {@code pin}. */
    public static SSLContext trusting(TlsPin pin) {
        return context(trustManager(pin));
    }

    /**
     * The trust manager behind {@link #trusting}: for TLS stacks that take a trust manager rather than a
     * JDK context (Netty with BoringSSL, say).
     */
    public static X509ExtendedTrustManager trustManager(TlsPin pin) {
        return new PinTrustManager(chain -> {
            if (!pin.matches(chain[0])) {
                throw new CertificateException("server TLS key " + TlsPin.of(chain[0])
                        + " does not match the pinned key " + pin + ": this is not the Primary Server this client was set up for");
            }
        });
    }

    /**
     * A context that accepts any server and records the pin of the key it presented, for the
     * Deployment Utility to show and write into the client's configuration.
     */
    public static SSLContext capturing(AtomicReference<TlsPin> seen) {
        return context(new PinTrustManager(chain -> seen.set(TlsPin.of(chain[0]))));
    }

    private static SSLContext context(TrustManager trustManager) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this Java runtime", e);
        }
    }

    @FunctionalInterface
    private interface ChainCheck {
        void check(X509Certificate[] chain) throws CertificateException;
    }

    /** An extended trust manager, so the JDK adds no host-name check of its own. */
    private static final class PinTrustManager extends X509ExtendedTrustManager {
        private final ChainCheck check;

        PinTrustManager(ChainCheck check) {
            this.check = check;
        }

        private void checkServer(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("server presented no certificate");
            }
            check.check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            checkServer(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkServer(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkServer(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not used");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("client certificates are not used");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("client certificates are not used");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

}
