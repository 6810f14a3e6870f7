package dev.primary.server.metrics;

import dev.primary.server.http.TrafficCount;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.ssl.OpenSslSessionContext;
import io.netty.handler.ssl.SslContext;
import java.util.function.ToLongFunction;

/**
 * {@code primary_tls_handshakes_total{kind="full"|"resumed"}}: the TLS handshakes the server completed on both
 * ports, as each port's pipeline counted them when they completed. The JDK's TLS cannot say whether a handshake
 * resumed, so on it (no BoringSSL) nothing is registered.
 */
public final class TlsHandshakeMetrics {
    private TlsHandshakeMetrics() {}

    public static void bind(MeterRegistry registry, SslContext tls, TrafficCount clientPort, TrafficCount adminPort) {
        if (!(tls.sessionContext() instanceof OpenSslSessionContext)) {
            return;
        }
        handshakes(registry, clientPort, adminPort, "resumed", TrafficCount::resumedHandshakes);
        handshakes(registry, clientPort, adminPort, "full", TrafficCount::fullHandshakes);
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
