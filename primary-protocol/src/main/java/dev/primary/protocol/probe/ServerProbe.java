package dev.primary.protocol.probe;

import dev.primary.protocol.json.Json;
import dev.primary.protocol.json.MalformedJsonException;
import dev.primary.protocol.message.Hello;
import dev.primary.protocol.tls.PinnedTls;
import dev.primary.protocol.tls.TlsPin;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;

/**
 * Checks that a host and port is a live Primary Server before anything is configured to use it:
 * asks {@code GET /v1/hello} over TLS and tells apart "nothing answers", "something else answers"
 * and "a Primary Server, with this key". Used by the Deployment Utility and by re-pointing a client.
 */
public final class ServerProbe {
    private final Duration timeout;

    public ServerProbe(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Probes {@code host:port}. When {@code expectedPin} is given, a server presenting another TLS key is refused.
     *
     * @throws ServerProbeException with a message an administrator can act on
     */
    public ProbeResult probe(String host, int port, Optional<TlsPin> expectedPin) {
        String where = host + ":" + port;
        AtomicReference<TlsPin> seen = new AtomicReference<>();
        HttpClient client = HttpClient.newBuilder()
                .sslContext(PinnedTls.capturing(seen))
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        HttpResponse<byte[]> response = send(client, host, port, uriOf(host, port));
        if (response.statusCode() != 200) {
            throw new ServerProbeException(where + " answers HTTPS but is not a Primary Server (GET /v1/hello gave HTTP "
                    + response.statusCode() + ")");
        }
        Hello hello;
        try {
            hello = Json.read(response.body(), Hello.class);
        } catch (MalformedJsonException e) {
            throw new ServerProbeException(where + " answers HTTPS but is not a Primary Server (its hello is not ours: "
                    + e.getMessage() + ")");
        }
        if (!Hello.PRODUCT.equals(hello.product())) {
            throw new ServerProbeException(where + " is a \"" + hello.product() + "\", not a Primary Server");
        }
        TlsPin pin = seen.get();
        if (pin == null || !pin.value().equals(hello.tlsPin())) {
            throw new ServerProbeException(where + " presented TLS key " + pin + " but announces " + hello.tlsPin()
                    + ": something between you and the server is intercepting TLS");
        }
        if (expectedPin.isPresent() && !expectedPin.get().equals(pin)) {
            throw new ServerProbeException(where + " presented TLS key " + pin + ", not the expected " + expectedPin.get());
        }
        return new ProbeResult(hello, pin);
    }

    private HttpResponse<byte[]> send(HttpClient client, String host, int port, URI uri) {
        String where = host + ":" + port;
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            // The JDK's connect timeout covers the TLS handshake too: tell the two apart.
            if (acceptsTcp(host, port)) {
                throw new ServerProbeException(where + " accepted a connection but no TLS handshake within "
                        + timeout.toSeconds() + " s: it is not a Primary Server (plain HTTP or another service on that port?)");
            }
            throw new ServerProbeException("nothing answers at " + where + " (no connection within "
                    + timeout.toSeconds() + " s): check the server name, the port and any firewall in between", true);
        } catch (HttpTimeoutException e) {
            throw new ServerProbeException(where + " accepted a connection but did not answer within "
                    + timeout.toSeconds() + " s: it is not a Primary Server, or it is overloaded");
        } catch (ConnectException e) {
            if (rootCauseOf(e) instanceof UnresolvedAddressException) {
                throw new ServerProbeException(unresolved(where));
            }
            throw new ServerProbeException("nothing answers at " + where
                    + " (connection refused): is the Primary Server running, and is " + where.substring(where.lastIndexOf(':') + 1)
                    + " its client port?", true);
        } catch (SSLException e) {
            throw new ServerProbeException(notTls(where, e));
        } catch (IOException e) {
            throw new ServerProbeException(describe(where, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerProbeException("interrupted while contacting " + where);
        }
    }

    private static String describe(String where, IOException e) {
        Throwable root = rootCauseOf(e);
        if (root instanceof UnknownHostException || root instanceof UnresolvedAddressException) {
            return unresolved(where);
        }
        if (root instanceof ConnectException) {
            throw new ServerProbeException("nothing answers at " + where
                    + " (connection refused): is the Primary Server running on that port?", true);
        }
        if (root instanceof SSLException) {
            return notTls(where, root);
        }
        return where + " answers, but not as a Primary Server: " + e.getMessage();
    }

    private static Throwable rootCauseOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    private static String unresolved(String where) {
        return "cannot resolve the server name in " + where + ": check the name or use its IP address";
    }

    private static String notTls(String where, Throwable e) {
        return where + " answers, but not with TLS: it is not a Primary Server (wrong port?) (" + e.getMessage() + ")";
    }

    private boolean acceptsTcp(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static URI uriOf(String host, int port) {
        if (port < 1 || port > 65535) {
            throw new ServerProbeException("port must be 1-65535, got " + port);
        }
        String literal = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        try {
            return URI.create("https://" + literal + ":" + port + "/v1/hello");
        } catch (IllegalArgumentException e) {
            throw new ServerProbeException("\"" + host + "\" is not a valid server name or address");
        }
    }

    /** What the probe found: the server's hello and the pin of the TLS key it presented. */
    public record ProbeResult(Hello hello, TlsPin tlsPin) {
    }
}
