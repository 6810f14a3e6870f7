package dev.primary.server.metrics;

import dev.primary.server.http.TrafficCount;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.ssl.OpenSslSessionContext;
import io.netty.handler.ssl.SslContext;
import java.util.function.ToLongFunction;

/**
 * {@code primary_tls_handshakes_total{kind="full"|"resumed"}}: the TLS handshakes the server completed on both
 * ports, as each port's pipeline counted them when they completed; and
 * {@code primary_tls_key_exchanges_total{group=...}}: the same handshakes by the group of their key exchange (X25519
 * for a Client Service on Java 17, X25519MLKEM768 for a client that offers the post-quantum hybrid first), a series
 * for each group once a handshake used it. The JDK's TLS says neither, so on it (no BoringSSL) nothing is registered.
 */
public final class TlsHandshakeMetrics {
    private TlsHandshakeMetrics() {}

    public static void bind(MeterRegistry registry, SslContext tls, TrafficCount clientPort, TrafficCount adminPort) {
        if (!(tls.sessionContext() instanceof OpenSslSessionContext)) {
            return;
        }
        handshakes(registry, clientPort, adminPort, "resumed", TrafficCount::resumedHandshakes);
        handshakes(registry, clientPort, adminPort, "full", TrafficCount::fullHandshakes);
        clientPort.onNewKeyExchange(group -> keyExchanges(registry, clientPort, adminPort, group));
        adminPort.onNewKeyExchange(group -> keyExchanges(registry, clientPort, adminPort, group));
        clientPort.keyExchangeGroups().forEach(group -> keyExchanges(registry, clientPort, adminPort, group));
        adminPort.keyExchangeGroups().forEach(group -> keyExchanges(registry, clientPort, adminPort, group));
    }

    /** Registers the series of {@code group}; once only (a second registration returns the first meter). */
    private static void keyExchanges(MeterRegistry registry, TrafficCount clientPort, TrafficCount adminPort,
            String group) {
        FunctionCounter.builder("primary.tls.key.exchanges", clientPort,
                        client -> client.keyExchanges(group) + adminPort.keyExchanges(group))
                .description("TLS handshakes completed, by the group of their key exchange").tag("group", group)
                .register(registry);
    }

    /**
     * The meter reads the client port's count, held by its listener for the server's life (a meter holds what it
     * reads only weakly), and adds the admin port's.
     */
    private static void handshakes(MeterRegistry registry, TrafficCount clientPort, TrafficCount adminPort,
            String kind, ToLongFunction<TrafficCount> figure) {
        FunctionCounter.builder("primary.tls.handshakes", clientPort,
                        client -> figure.applyAsLong(client) + figure.applyAsLong(adminPort))
                .description("TLS handshakes completed, full or resumed").tag("kind", kind).register(registry);
    }
}
