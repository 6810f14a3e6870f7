package dev.primary.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** An {@link EventStream} on one Netty channel: each text one HTTP chunk, written by the channel's event loop. */
final class ChannelEventStream implements EventStream {
    private final Channel channel;
    private final AtomicLong unwritten = new AtomicLong();

    ChannelEventStream(Channel channel) {
        this.channel = channel;
    }

    @Override
    public void send(String text) {
        if (!channel.isActive()) {
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        unwritten.addAndGet(bytes.length);
        channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(bytes))).addListener(written -> {
            unwritten.addAndGet(-bytes.length);
            if (!written.isSuccess()) {
                channel.close();
            }
        });
    }

    @Override
    public long unwritten() {
        return unwritten.get();
    }

    @Override
    public void end() {
        if (channel.isActive()) {
            channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void close() {
        channel.close();
    }

    @Override
    public void every(Duration period, Runnable task) {
        long millis = period.toMillis();
        ScheduledFuture<?> repeated = channel.eventLoop().scheduleAtFixedRate(task, millis, millis,
                TimeUnit.MILLISECONDS);
        channel.closeFuture().addListener(closed -> repeated.cancel(false));
    }

    @Override
    public void whenClosed(Runnable action) {
        channel.closeFuture().addListener(closed -> action.run());
    }
}
