package dev.primary.server.http;

import dev.primary.server.PinnedHttps;
import dev.primary.server.identity.SelfMadeCertificate;
import dev.primary.server.identity.TlsKeyMaterial;
import io.netty.handler.ssl.SslProvider;
import java.net.URI;
import java.time.Clock;

/** One listener on loopback port 0 with the given routes, pool and TLS stack, and a pinned client for it. */
final class EdgeHarness implements AutoCloseable {
    private static final TlsKeyMaterial TLS = SelfMadeCertificate.create(Clock.systemUTC(), "localhost");

    final NettyTransport transport = NettyTransport.start();
    final HttpListener listener;
    final PinnedHttps client;
    final WorkerPool workers;

    EdgeHarness(RouteTable routes, WorkerPool workers, SslProvider provider) {
        this.workers = workers;
        this.listener = HttpListener.start(new ListenerSettings("test", "port", "127.0.0.1", 0,
                HttpLimits.withMaxBody(64 * 1024)), TlsContexts.forServer(TLS, provider), routes, workers, transport);
        this.client = new PinnedHttps(URI.create("https://127.0.0.1:" + listener.port()), TLS.pin());
    }

    @Override
    public void close() {
        listener.close();
        workers.drain(java.time.Duration.ofSeconds(1));
        transport.close();
    }
}
