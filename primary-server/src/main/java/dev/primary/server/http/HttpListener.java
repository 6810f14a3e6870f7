package dev.primary.server.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * One HTTPS port: a cap on open connections (in total and per source, checked as each is accepted), TLS, idle
 * timeout, deadlines for each request's head and body, HTTP/1.1 keep-alive with header and body limits, file answers streamed
 * chunk by chunk, upload bodies streamed past the aggregator, then the {@link ConnectionHandler} that runs its
 * {@link RouteTable} on a {@link WorkerPool}.
 */
public final class HttpListener implements AutoCloseable {
    private final Channel serverChannel;
    private final ChannelGroup connections;

    private final RequestDispatcher dispatcher;

    private HttpListener(Channel serverChannel, ChannelGroup connections, RequestDispatcher dispatcher) {
        this.serverChannel = serverChannel;
        this.connections = connections;
        this.dispatcher = dispatcher;
    }

    /** Opens the port and starts accepting; {@link ListenerBindException} when the port cannot be opened. */
    public static HttpListener start(ListenerSettings settings, SslContext tls, RouteTable routes, WorkerPool workers,
            NettyTransport transport) {
        return start(settings, tls, routes, workers, transport, new TrafficCount());
    }

    /** As {@link #start(ListenerSettings, SslContext, RouteTable, WorkerPool, NettyTransport)}, counting answers in {@code traffic}. */
    public static HttpListener start(ListenerSettings settings, SslContext tls, RouteTable routes, WorkerPool workers,
            NettyTransport transport, TrafficCount traffic) {
        InetSocketAddress address = new InetSocketAddress(settings.bind(), settings.port());
        if (address.isUnresolved()) {
            throw new ListenerBindException(settings.portSetting() + ": cannot resolve the address "
                    + settings.bind() + " to listen on", null);
        }
        ChannelGroup connections = new DefaultChannelGroup(settings.name() + "-connections", GlobalEventExecutor.INSTANCE);
        RequestDispatcher dispatcher = new RequestDispatcher(routes);
        HttpLimits limits = settings.limits();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(transport.acceptor(), transport.connections())
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .handler(new ConnectionAdmission(settings.name(), new ConnectionBudget(settings.caps()), traffic))
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.add(channel);
                        ChannelPipeline pipeline = channel.pipeline();
                        RequestDeadline deadline = new RequestDeadline(limits.deadlines());
                        SslHandler tlsHandler = tls.newHandler(channel.alloc());
                        pipeline.addLast("tls", tlsHandler);
                        pipeline.addLast("handshakes", new HandshakeCount(tlsHandler, traffic));
                        pipeline.addLast("bytes", deadline.bytesWatch());
                        pipeline.addLast("idle", new IdleStateHandler(0, 0, limits.idleTimeout().toMillis(),
                                TimeUnit.MILLISECONDS));
                        pipeline.addLast("http", new HttpServerCodec(new HttpDecoderConfig()
                                .setMaxInitialLineLength(limits.maxRequestLineBytes())
                                .setMaxHeaderSize(limits.maxHeaderBytes())));
                        pipeline.addLast("deadline", deadline);
                        pipeline.addLast("chunked", new ChunkedWriteHandler());
                        pipeline.addLast("uploads", new StreamedUploads(dispatcher));
                        pipeline.addLast("aggregate", new BodyLimitAggregator(limits.maxBodyBytes()));
                        pipeline.addLast("dispatch", new ConnectionHandler(dispatcher, workers, limits.maxBodyBytes(), traffic));
                    }
                });
        ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw bindFailure(settings, bound.cause());
        }
        traffic.nameRoutesWith(dispatcher::routes);
        return new HttpListener(bound.channel(), connections, dispatcher);
    }

    private static ListenerBindException bindFailure(ListenerSettings settings, Throwable cause) {
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        if (cause instanceof BindException && message.contains("in use")) {
            return new ListenerBindException(settings.portSetting() + " " + settings.port()
                    + " is already in use on " + settings.bind(), cause);
        }
        return new ListenerBindException(settings.portSetting() + ": cannot listen on " + settings.bind() + ":"
                + settings.port() + ": " + message, cause);
    }

    /** Serves {@code routes} from the next request on (the admin port: health routes alone while starting). */
    public void serve(RouteTable routes) {
        dispatcher.serve(routes);
    }

    /** The address and port actually bound (the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    public int port() {
        return address().getPort();
    }

    /** Closes the port: no new connections; open ones go on. */
    public void stopAccepting() {
        serverChannel.close().awaitUninterruptibly();
    }

    /** Closes the port and every open connection. */
    @Override
    public void close() {
        stopAccepting();
        connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
