package dev.primary.server.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On the listening socket's pipeline, ahead of Netty's acceptor: each accepted connection takes a place in the
 * {@link ConnectionBudget} or is closed at once (reset, so it holds no descriptor in a closing state), before it
 * reaches an event loop and long before any TLS work; refusals are counted and logged at most once a minute.
 */
@ChannelHandler.Sharable
final class ConnectionAdmission extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionAdmission.class);
    private static final long WARN_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final String listenerName;
    private final ConnectionBudget budget;
    private final TrafficCount traffic;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_INTERVAL_NANOS);

    ConnectionAdmission(String listenerName, ConnectionBudget budget, TrafficCount traffic) {
        this.listenerName = listenerName;
        this.budget = budget;
        this.traffic = traffic;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof Channel connection)) {
            ctx.fireChannelRead(message);
            return;
        }
        String source = SourceRateLimit.sourceOf(hostOf(connection.remoteAddress()));
        ConnectionBudget.Admission admission = budget.tryOpen(source);
        if (admission == ConnectionBudget.Admission.ADMITTED) {
            connection.closeFuture().addListener(closed -> budget.closed(source));
            ctx.fireChannelRead(connection);
            return;
        }
        traffic.refusedConnection();
        connection.config().setOption(ChannelOption.SO_LINGER, 0);
        connection.unsafe().closeForcibly();
        warnNow(admission, source);
    }

    private void warnNow(ConnectionBudget.Admission admission, String source) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last < WARN_INTERVAL_NANOS || !lastWarning.compareAndSet(last, now)) {
            return;
        }
        if (admission == ConnectionBudget.Admission.OVER_TOTAL) {
            LOG.warn("{} port - {} connections open, its cap: new connections are refused (counted; next warning "
                    + "in a minute at the earliest)", listenerName, budget.caps().total());
        } else {
            LOG.warn("{} port - {} has {} connections open, the cap per source: its new connections are refused "
                    + "(counted; next warning in a minute at the earliest)", listenerName, source,
                    budget.caps().perSource());
        }
    }

    private static String hostOf(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : "";
    }
}
