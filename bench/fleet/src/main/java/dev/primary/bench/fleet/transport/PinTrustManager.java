package dev.primary.bench.fleet.transport;

import dev.primary.protocol.tls.TlsPin;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly the server whose TLS key matches the pin, like {@code PinnedTls} does for the real Client Service
 * (whose trust manager is private to it): no certificate authority, no host-name check. An extended trust manager,
 * so no host-name check is added on top.
 */
final class PinTrustManager extends X509ExtendedTrustManager {
    private final TlsPin pin;

    PinTrustManager(TlsPin pin) {
        this.pin = Objects.requireNonNull(pin, "pin");
    }

    void checkServer(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("server presented no certificate");
        }
        if (!pin.matches(chain[0])) {
            throw new CertificateException("server TLS key " + TlsPin.of(chain[0]) + " does not match the pinned key "
                    + pin);
        }
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
        throw new CertificateException("a client trust manager checks no clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("a client trust manager checks no clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("a client trust manager checks no clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
