package dev.primary.deployment;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.primary.protocol.tls.TlsPin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A JDK HTTP or HTTPS server on a loopback port picked by the OS, for tests that talk to a fake
 * server over real sockets. The HTTPS flavour uses a throwaway self-signed EC P-256 certificate.
 */
final class LoopbackHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final TlsPin pin;

    private LoopbackHttpServer(HttpServer server, TlsPin pin) {
        this.server = server;
        this.pin = pin;
        server.start();
    }

    /** A plain-HTTP server answering every path with {@code handler}. */
    static LoopbackHttpServer plain(HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", handler);
            return new LoopbackHttpServer(server, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTPS server with a fresh certificate, answering every path with {@code handler}. */
    static LoopbackHttpServer https(HttpHandler handler) {
        return https(ThrowawayCertificate.create(), handler);
    }

    static LoopbackHttpServer https(ThrowawayCertificate certificate, HttpHandler handler) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(certificate.sslContext()));
            server.createContext("/", handler);
            return new LoopbackHttpServer(server, certificate.pin());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The pin of the HTTPS server's TLS key. */
    TlsPin pin() {
        return pin;
    }

    /** Answers {@code exchange} with {@code status} and a UTF-8 body. */
    static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A self-signed EC P-256 certificate and its key, made fresh for one test. */
    record ThrowawayCertificate(KeyPair keyPair, X509Certificate certificate) {
        static ThrowawayCertificate create() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                KeyPair keyPair = generator.generateKeyPair();
                X500Name name = new X500Name("CN=throwaway test server");
                Instant now = Instant.now();
                JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                        Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(1, ChronoUnit.DAYS)), name,
                        keyPair.getPublic());
                X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
                return new ThrowawayCertificate(keyPair, certificate);
            } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
                throw new IllegalStateException("cannot make a test certificate", e);
            }
        }

        TlsPin pin() {
            return TlsPin.of(certificate);
        }

        SSLContext sslContext() {
            try {
                char[] password = "test".toCharArray();
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("server", keyPair.getPrivate(), password, new X509Certificate[] {certificate});
                KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(store, password);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keyManagers.getKeyManagers(), null, null);
                return context;
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("cannot make a test TLS context", e);
            }
        }
    }
}
