package dev.primary.server.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.ssl.OpenSslSessionContext;
import io.netty.handler.ssl.OpenSslSessionStats;
import io.netty.handler.ssl.SslContext;
import java.util.function.ToLongFunction;

/**
 * {@code primary_tls_handshakes_total{kind="full"|"resumed"}}: the TLS handshakes the server completed (both
 * ports share one TLS context), from OpenSSL's own session statistics: resumed are its session reuses (ticket or
 * cache), full the rest. The JDK's TLS keeps no such figures, so on it (no BoringSSL) nothing is registered.
 */
public final class TlsHandshakeMetrics {
    private TlsHandshakeMetrics() {}

    public static void bind(MeterRegistry registry, SslContext tls) {
        if (!(tls.sessionContext() instanceof OpenSslSessionContext sessions)) {
            return;
        }
        handshakes(registry, sessions, "resumed", OpenSslSessionStats::hits);
        handshakes(registry, sessions, "full", stats -> Math.max(0, stats.acceptGood() - stats.hits()));
    }

    private static void handshakes(MeterRegistry registry, OpenSslSessionContext sessions, String kind,
            ToLongFunction<OpenSslSessionStats> figure) {
        FunctionCounter.builder("primary.tls.handshakes", sessions, context -> figure.applyAsLong(context.stats()))
                .description("TLS handshakes completed, full or resumed").tag("kind", kind).register(registry);
    }
}
