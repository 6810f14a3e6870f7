package dev.primary.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.primary.protocol.tls.TlsPin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A JDK HTTP or HTTPS server on a loopback port picked by the OS, for tests that talk to a fake
 * server over real sockets. The HTTPS flavour uses a throwaway self-signed EC P-256 certificate.
 */
public final class LoopbackHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final TlsPin pin;

    private LoopbackHttpServer(HttpServer server, TlsPin pin) {
        this.server = server;
        this.pin = pin;
        server.start();
    }

    /** A plain-HTTP server answering every path with {@code handler}. */
    public static LoopbackHttpServer plain(HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", handler);
            return new LoopbackHttpServer(server, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTPS server with a fresh certificate, answering every path with {@code handler}. */
    public static LoopbackHttpServer https(HttpHandler handler) {
        return https(ThrowawayCertificate.create(), handler);
    }

    public static LoopbackHttpServer https(ThrowawayCertificate certificate, HttpHandler handler) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(certificate.sslContext()));
            server.createContext("/", handler);
            return new LoopbackHttpServer(server, certificate.pin());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The pin of the HTTPS server's TLS key. */
    public TlsPin pin() {
        return pin;
    }

    /** Answers {@code exchange} with {@code status} and a UTF-8 body. */
    public static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
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
}
