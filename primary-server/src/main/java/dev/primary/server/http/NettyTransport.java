package dev.primary.server.http;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The event loops (NIO) of a listener: one thread accepts, a few run connections. The client and admin ports
 * each have their own, so that a flood of the client port (its accepts, TLS handshakes and slow connections)
 * never delays the admin API.
 */
public final class NettyTransport implements AutoCloseable {
    private final EventLoopGroup acceptor;
    private final EventLoopGroup connections;

    private NettyTransport(String name, int connectionThreads) {
        this.acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(name + "-accept", true),
                NioIoHandler.newFactory());
        this.connections = new MultiThreadIoEventLoopGroup(connectionThreads,
                new DefaultThreadFactory(name + "-io", true), NioIoHandler.newFactory());
    }

    /** Event loops with one connection thread per processor (TLS handshakes are CPU-bound). */
    public static NettyTransport start() {
        return start("primary", Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /** Event loops whose threads are named {@code <name>-accept-…} and {@code <name>-io-…}. */
    public static NettyTransport start(String name, int connectionThreads) {
        if (connectionThreads < 1) {
            throw new IllegalArgumentException("a transport needs at least one connection thread");
        }
        return new NettyTransport(name, connectionThreads);
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
