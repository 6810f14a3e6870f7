package dev.primary.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.internal.tcnative.SSL;

/**
 * Counts a connection's TLS handshake, full or resumed, and the group of its key exchange, when it completes, then
 * leaves the pipeline (it costs a request nothing). BoringSSL's own session statistics cannot: it keeps no count of accepted handshakes, and a
 * resumption by the server's ticket keys is not one of its session-cache hits. The JDK's TLS cannot say whether a
 * handshake resumed, so on it nothing is counted.
 */
final class HandshakeCount extends ChannelInboundHandlerAdapter {
    private final SslHandler tls;
    private final TrafficCount traffic;

    HandshakeCount(SslHandler tls, TrafficCount traffic) {
        this.tls = tls;
        this.traffic = traffic;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent completion) {
            if (completion.isSuccess() && tls.engine() instanceof ReferenceCountedOpenSslEngine engine) {
                long ssl = engine.sslPointer();
                if (ssl != 0) {
                    traffic.handshakeCompleted(SSL.isSessionReused(ssl), keyExchange(ssl));
                }
            }
            context.pipeline().remove(this);
        }
        super.userEventTriggered(context, event);
    }

    /** The group of the handshake's key exchange (X25519, X25519MLKEM768, ...), or null if BoringSSL does not say. */
    private static String keyExchange(long ssl) {
        try {
            return SSL.getGroupName(ssl);
        } catch (Exception e) {
            return null;
        }
    }
}
