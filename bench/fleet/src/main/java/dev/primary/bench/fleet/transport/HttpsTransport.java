package dev.primary.bench.fleet.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulator's asynchronous HTTPS/1.1 client: Netty NIO on a small shared event-loop group (one thread by
 * default: the simulator shares the machine with the server) and BoringSSL. Connections come from {@link Lane}s;
 * callers never block. Not the JDK's {@code HttpClient}: it manages only ~210 fresh TLS handshakes per second per
 * core on this kind of machine (shared/LIMITS.md), far below what a server must be driven with.
 * <p>
 * Several servers of one fleet (same TLS key) may be given: lanes are spread over them round robin, and a lane whose
 * server refuses the connection moves on to the next one (as a Client Service fails over), staying there.
 */
public final class HttpsTransport implements AutoCloseable {
    private static final int MAX_CHUNK = 64 * 1024;

    private final Endpoint endpoint;
    private final List<InetSocketAddress> addresses;
    private final AtomicInteger nextHome = new AtomicInteger();
    private final TransportSettings settings;
    private final EventLoopGroup group;
    private final ClientTls tls;
    private final Bootstrap bootstrap;

    private HttpsTransport(List<Endpoint> endpoints, TransportSettings settings) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("a transport needs at least one server");
        }
        this.endpoint = endpoints.get(0);
        if (endpoints.stream().anyMatch(other -> !other.pin().equals(endpoint.pin()))) {
            throw new IllegalArgumentException("every server of a fleet has the one TLS key pin");
        }
        this.settings = Objects.requireNonNull(settings, "settings");
        this.addresses = endpoints.stream().map(each -> new InetSocketAddress(each.host(), each.port())).toList();
        this.tls = ClientTls.create(endpoint.pin(), settings.resumption(), settings.ticketSlots(),
                settings.keyExchanges());
        this.group = new MultiThreadIoEventLoopGroup(settings.ioThreads(),
                new DefaultThreadFactory("fleet-io", true), NioIoHandler.newFactory());
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis());
    }

    /** Starts the event loops; connects nothing yet. */
    public static HttpsTransport open(Endpoint endpoint, TransportSettings settings) {
        return new HttpsTransport(List.of(endpoint), settings);
    }

    /** Starts the event loops for a fleet of servers (one TLS key pin); connects nothing yet. */
    public static HttpsTransport open(List<Endpoint> endpoints, TransportSettings settings) {
        return new HttpsTransport(List.copyOf(endpoints), settings);
    }

    /** A new lane on the next event loop (round robin). */
    public Lane lane(ConnectionMode mode) {
        EventLoop loop = group.next();
        Lane[] self = new Lane[1];
        Bootstrap laneBootstrap = bootstrap.clone(loop).handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                ClientTls.TlsConnection connection = tls.newConnection(channel.alloc(), endpoint,
                        self[0].startingTicketSlot());
                channel.pipeline().addLast(connection.handler(),
                        new HttpResponseDecoder(new HttpDecoderConfig().setMaxChunkSize(MAX_CHUNK)),
                        new ExchangeHandler(self[0], tls, connection, settings.maxKeptBody()));
            }
        });
        self[0] = new Lane(this, loop, laneBootstrap, mode, Math.floorMod(nextHome.getAndIncrement(), addresses.size()));
        return self[0];
    }

    /** Timers on the transport's own threads (to schedule retries without another thread). */
    public ScheduledExecutorService scheduler() {
        return group;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public TransportSettings settings() {
        return settings;
    }

    /** The address of server {@code index} (of {@link #serverCount()}). */
    InetSocketAddress address(int index) {
        return addresses.get(index);
    }

    int serverCount() {
        return addresses.size();
    }

    /**
     * How many clients (ticket slots) hold a TLS session to resume: each keeps the newest ticket its connections
     * received, until a newer one replaces it.
     */
    public int sessionsHeld() {
        return tls.sessionsHeld();
    }

    /** Whether the client of ticket slot {@code slot} holds a TLS session to resume. */
    public boolean holdsSession(int slot) {
        return tls.holdsSession(slot);
    }

    /**
     * The lifetime in seconds of the session held in ticket slot {@code slot} (the server's ticket lifetime hint,
     * capped by BoringSSL's own limit for a client), or -1 when the slot holds none.
     */
    public long sessionLifetimeSeconds(int slot) {
        return tls.sessionLifetimeSeconds(slot);
    }

    /**
     * How many handshakes agreed each key exchange (by BoringSSL's group name, e.g. {@code X25519}); empty on the
     * JDK's TLS, which does not tell.
     */
    public Map<String, Long> keyExchanges() {
        return tls.keyExchanges();
    }

    /** The TLS stack in use, for the results' notes. */
    public String describeTls() {
        return tls.describe();
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        tls.close();
    }
}
