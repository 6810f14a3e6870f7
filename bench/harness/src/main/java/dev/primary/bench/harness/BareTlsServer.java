package dev.primary.bench.harness;

import dev.primary.protocol.tls.TlsPin;
import dev.primary.server.http.TlsContexts;
import dev.primary.server.identity.SelfMadeCertificate;
import dev.primary.server.identity.TlsKeyMaterial;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * An HTTPS listener on loopback built like the Primary Server's ({@code HttpListener} over {@code NettyTransport}):
 * the same {@code TlsContexts} with a self-made EC P-256 certificate, one NIO acceptor thread and one connection
 * thread per processor (at least two), backlog 1024, {@code TCP_NODELAY}, HTTP/1.1 keep-alive through
 * {@link HttpServerCodec}; then whatever handler the baseline needs, and nothing the real server does beyond the
 * transport (no idle timer, no aggregation, no worker pool).
 */
final class BareTlsServer implements AutoCloseable {
    private final EventLoopGroup acceptor;
    private final EventLoopGroup connections;
    private final Channel serverChannel;
    private final TlsPin pin;

    private BareTlsServer(EventLoopGroup acceptor, EventLoopGroup connections, Channel serverChannel, TlsPin pin) {
        this.acceptor = acceptor;
        this.connections = connections;
        this.serverChannel = serverChannel;
        this.pin = pin;
    }

    /**
     * Listens on {@code 127.0.0.1:port} (0 = any free port).
     *
     * @param chunkedWrites whether to add a {@link ChunkedWriteHandler} before the handler (for streamed files)
     * @param handlers makes the last handler of each new connection
     */
    static BareTlsServer start(String name, int port, boolean chunkedWrites, Supplier<ChannelHandler> handlers) {
        TlsKeyMaterial material = SelfMadeCertificate.create(Clock.systemUTC(), "");
        SslContext tls = TlsContexts.forServer(material, TlsContexts.preferredProvider());
        EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(name + "-accept", true),
                NioIoHandler.newFactory());
        EventLoopGroup connections = new MultiThreadIoEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()),
                new DefaultThreadFactory(name + "-io", true), NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, connections)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        ChannelPipeline pipeline = channel.pipeline();
                        pipeline.addLast("tls", tls.newHandler(channel.alloc()));
                        pipeline.addLast("http", new HttpServerCodec());
                        if (chunkedWrites) {
                            pipeline.addLast("chunked", new ChunkedWriteHandler());
                        }
                        pipeline.addLast("answer", handlers.get());
                    }
                });
        ChannelFuture bound = bootstrap.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutDown(acceptor, connections);
            throw new UncheckedIOException(name + " cannot listen on port " + port + ": " + bound.cause().getMessage(),
                    bound.cause() instanceof java.io.IOException io ? io : new java.io.IOException(bound.cause()));
        }
        return new BareTlsServer(acceptor, connections, bound.channel(), material.pin());
    }

    int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    TlsPin tlsPin() {
        return pin;
    }

    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly();
        shutDown(acceptor, connections);
    }

    private static void shutDown(EventLoopGroup acceptor, EventLoopGroup connections) {
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        connections.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        acceptor.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
        connections.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
