package dev.primary.server.http;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/** The event loops (NIO) both listeners share: one thread accepts, a few run connections. */
public final class NettyTransport implements AutoCloseable {
    private final EventLoopGroup acceptor;
    private final EventLoopGroup connections;

    private NettyTransport(int connectionThreads) {
        this.acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("primary-accept", true),
                NioIoHandler.newFactory());
        this.connections = new MultiThreadIoEventLoopGroup(connectionThreads,
                new DefaultThreadFactory("primary-io", true), NioIoHandler.newFactory());
    }

    /** Event loops with one connection thread per processor (TLS handshakes are CPU-bound). */
    public static NettyTransport start() {
        return new NettyTransport(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    EventLoopGroup acceptor() {
        return acceptor;
    }

    EventLoopGroup connections() {
        return connections;
    }

    @Override
    public void close() {
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        connections.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        acceptor.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
        connections.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
