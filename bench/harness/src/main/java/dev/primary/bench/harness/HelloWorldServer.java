package dev.primary.bench.harness;

import dev.primary.protocol.tls.TlsPin;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * The transport ceiling: a bare hello-world HTTPS endpoint on the Primary Server's own stack (Netty + BoringSSL
 * through the same {@code TlsContexts}, the same event-loop layout). Every request, whatever its method or path,
 * is answered 200 with the same small JSON body ({@value #BODY_TEXT}); request bodies are read and dropped,
 * never aggregated.
 */
public final class HelloWorldServer implements AutoCloseable {
    static final String BODY_TEXT = "{\"product\":\"hello-world\",\"status\":\"ok\",\"ceiling\":true}";
    private static final ByteBuf BODY = Unpooled.unreleasableBuffer(
            Unpooled.directBuffer().writeBytes(BODY_TEXT.getBytes(StandardCharsets.UTF_8)));

    private final BareTlsServer server;

    private HelloWorldServer(BareTlsServer server) {
        this.server = server;
    }

    /** Starts listening on {@code 127.0.0.1:port}; 0 picks a free port. */
    public static HelloWorldServer start(int port) {
        return new HelloWorldServer(BareTlsServer.start("hello-world", port, false, HelloAnswer::new));
    }

    public int port() {
        return server.port();
    }

    /** The pin of the self-made TLS key this server presents. */
    public TlsPin tlsPin() {
        return server.tlsPin();
    }

    @Override
    public void close() {
        server.close();
    }

    /** Answers each request once its last content has arrived; one instance per connection. */
    private static final class HelloAnswer extends ChannelInboundHandlerAdapter {
        private boolean keepAlive = true;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            try {
                if (message instanceof HttpRequest request) {
                    keepAlive = HttpUtil.isKeepAlive(request);
                }
                if (message instanceof LastHttpContent) {
                    answer(ctx);
                }
            } finally {
                ReferenceCountUtil.release(message);
            }
        }

        private void answer(ChannelHandlerContext ctx) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    BODY.duplicate());
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, BODY.readableBytes());
            if (keepAlive) {
                ctx.writeAndFlush(response, ctx.voidPromise());
            } else {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
