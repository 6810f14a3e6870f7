package dev.primary.bench.fleet.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.ConnectException;
import java.util.concurrent.TimeUnit;

/**
 * One sequential stream of exchanges, bound to one event-loop thread: each {@link #send} starts when the previous
 * exchange has ended. With {@link ConnectionMode#REUSE} it keeps one keep-alive connection (and reconnects if the
 * server closed it); with {@link ConnectionMode#FRESH} every exchange connects, handshakes, sends and closes.
 * Everything runs asynchronously on the lane's event loop; no thread waits. With several servers the lane starts on
 * its own (spread round robin) and, when a connection is refused, tries the next one for the same exchange (each
 * server once at most) and stays with the one that took it.
 */
public final class Lane {
    private final HttpsTransport transport;
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final ConnectionMode mode;
    private Channel channel;
    private Pending pending;
    private int server;

    Lane(HttpsTransport transport, EventLoop loop, Bootstrap bootstrap, ConnectionMode mode, int server) {
        this.transport = transport;
        this.loop = loop;
        this.bootstrap = bootstrap;
        this.mode = mode;
        this.server = server;
    }

    /** The index of the server this lane uses now. */
    public int server() {
        return server;
    }

    public ConnectionMode mode() {
        return mode;
    }

    /** The lane's event loop, for timers that should run on the lane's thread. */
    public EventLoop eventLoop() {
        return loop;
    }

    /**
     * Starts {@code exchange}; its listener hears the outcome on this lane's thread. The lane carries one exchange at
     * a time: send the next one from the listener (or later), never while one is in flight.
     */
    public void send(Exchange exchange) {
        if (loop.inEventLoop()) {
            start(exchange);
        } else {
            loop.execute(() -> start(exchange));
        }
    }

    /** Closes the lane's connection, if it has one. */
    public void close() {
        loop.execute(() -> {
            if (channel != null) {
                channel.close();
                channel = null;
            }
        });
    }

    private void start(Exchange exchange) {
        if (pending != null) {
            throw new IllegalStateException("a lane carries one exchange at a time, and one is still in flight");
        }
        Pending started = new Pending(exchange, System.nanoTime());
        pending = started;
        armTimeout(started, transport.settings().exchangeTimeout().toNanos());
        if (mode == ConnectionMode.REUSE && channel != null && channel.isActive()) {
            write(started, channel);
        } else {
            connect(started);
        }
    }

    private void connect(Pending started) {
        if (channel != null) {
            channel.close();
        }
        ChannelFuture connecting = bootstrap.connect(transport.address(server));
        channel = connecting.channel();
        started.channel = channel;
        connecting.addListener(future -> {
            if (!future.isSuccess() && future.cause() instanceof ConnectException
                    && started.refused + 1 < transport.serverCount() && pending == started) {
                started.refused++;
                server = (server + 1) % transport.serverCount();
                connect(started);
            } else if (!future.isSuccess()) {
                fail(started, future.cause());
            } else if (pending == started) {
                started.lastProgressNanos = System.nanoTime();
                write(started, connecting.channel());
            }
        });
    }

    private void write(Pending started, Channel target) {
        started.channel = target;
        OutgoingRequest request;
        try {
            request = started.exchange.request().get();
        } catch (RuntimeException e) {
            fail(started, e);
            return;
        }
        boolean keepAlive = mode == ConnectionMode.REUSE;
        target.writeAndFlush(request.encode(target.alloc(), transport.endpoint().authority(), keepAlive))
                .addListener(future -> {
                    if (!future.isSuccess()) {
                        fail(started, future.cause());
                    }
                });
    }

    /**
     * The exchange fails when nothing happened on it for the exchange timeout: no connection, no handshake, no
     * answer byte. A long download that keeps receiving never times out; a stalled one does.
     */
    private void armTimeout(Pending started, long delayNanos) {
        started.timeout = loop.schedule(() -> {
            long idle = System.nanoTime() - started.lastProgressNanos;
            long limit = transport.settings().exchangeTimeout().toNanos();
            if (pending != started) {
                return;
            }
            if (idle >= limit) {
                fail(started, new ExchangeTimeoutException(transport.settings().exchangeTimeout()));
            } else {
                armTimeout(started, limit - idle);
            }
        }, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Called by the connection's handler whenever bytes of the answer arrive. */
    void progressed(Channel source) {
        if (pending != null && pending.channel == source) {
            pending.lastProgressNanos = System.nanoTime();
        }
    }

    /** The ticket slot of the exchange being started (asked while its connection is set up). */
    int startingTicketSlot() {
        return pending == null ? -1 : pending.exchange.ticketSlot();
    }

    /** The exchange in flight on {@code source}, or null if none is (a late answer after a timeout). */
    Exchange exchangeOn(Channel source) {
        return pending != null && pending.channel == source ? pending.exchange : null;
    }

    /** Called by the connection's handler, on this lane's thread, with the complete answer. */
    void answered(Channel source, Answer answer, boolean keepAlive) {
        Pending done = pending;
        if (done == null || done.channel != source) {
            source.close();
            return;
        }
        long latency = System.nanoTime() - done.startNanos;
        finish(done);
        if (mode == ConnectionMode.FRESH || !keepAlive) {
            source.close();
            if (channel == source) {
                channel = null;
            }
        }
        done.exchange.listener().answered(answer, latency);
    }

    /** Called by the connection's handler when its connection failed. */
    void failed(Channel source, Throwable cause) {
        if (pending != null && pending.channel == source) {
            fail(pending, cause);
        } else {
            source.close();
        }
    }

    /** Called by the connection's handler when its connection closed. */
    void closed(Channel source) {
        if (channel == source) {
            channel = null;
        }
        if (pending != null && pending.channel == source) {
            fail(pending, new ConnectionClosedException("the server closed the connection before the answer was "
                    + "complete"));
        }
    }

    private void fail(Pending failed, Throwable cause) {
        if (pending != failed) {
            return;
        }
        long latency = System.nanoTime() - failed.startNanos;
        finish(failed);
        if (failed.channel != null) {
            failed.channel.close();
            if (channel == failed.channel) {
                channel = null;
            }
        }
        failed.exchange.listener().failed(cause, latency);
    }

    private void finish(Pending done) {
        pending = null;
        if (done.timeout != null) {
            done.timeout.cancel(false);
        }
    }

    /** The exchange in flight: when it started, its timer and its connection. */
    private static final class Pending {
        final Exchange exchange;
        final long startNanos;
        ScheduledFuture<?> timeout;
        Channel channel;
        int refused;

        long lastProgressNanos;

        Pending(Exchange exchange, long startNanos) {
            this.exchange = exchange;
            this.startNanos = startNanos;
            this.lastProgressNanos = startNanos;
        }
    }
}
