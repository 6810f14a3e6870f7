package dev.primary.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The {@link ReadDeadlines} of one connection, on its event loop. Sits after the HTTP decoder, where it sees each
 * request's head and the end of its body; its {@link #bytesWatch()} sits between TLS and the decoder, where it
 * sees the plaintext bytes arrive. A head is timed from the connection's start (TLS handshake included), or on a
 * kept-alive connection from the first byte of the next request (the wait before that is the idle timeout's);
 * a body from the end of its head, with more time for every byte received.
 *
 * <p>When a deadline passes it fires {@link Passed} towards the {@link ConnectionHandler}, which answers 408 and
 * closes the connection when it is the client's turn to send. When the server itself holds the connection
 * (answering an earlier request, writing an upload to disk) the handler excuses it, and the client gets a fresh
 * start (the head's whole allowance, or the body's starting allowance) before the deadline is checked again.
 */
final class RequestDeadline extends ChannelInboundHandlerAdapter {
    private enum Phase {
        HEAD, BODY, BETWEEN_REQUESTS
    }

    private final ReadDeadlines deadlines;
    private ChannelHandlerContext ctx;
    private Phase phase = Phase.HEAD;
    private long phaseStart;
    private long bodyBytes;
    private String method = "";
    private String uri = "(unparsed)";
    private ScheduledFuture<?> check;

    RequestDeadline(ReadDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** The handler to place between TLS and the HTTP decoder. */
    ChannelInboundHandlerAdapter bytesWatch() {
        return new BytesWatch();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        begin(Phase.HEAD, deadlines.head().toNanos());
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof HttpRequest request) {
            method = request.method().name();
            uri = request.uri();
            if (message instanceof LastHttpContent) {
                end();
            } else {
                bodyBytes = 0;
                begin(Phase.BODY, deadlines.bodyAllowanceNanos(0));
            }
        } else if (message instanceof LastHttpContent) {
            end();
        }
        ctx.fireChannelRead(message);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancel();
        super.channelInactive(ctx);
    }

    private void bytesArrived(int count) {
        if (phase == Phase.BETWEEN_REQUESTS && count > 0) {
            method = "";
            uri = "(unparsed)";
            begin(Phase.HEAD, deadlines.head().toNanos());
        } else if (phase == Phase.BODY) {
            bodyBytes += count;
        }
    }

    private void begin(Phase next, long allowanceNanos) {
        cancel();
        phase = next;
        phaseStart = System.nanoTime();
        schedule(allowanceNanos);
    }

    private void end() {
        cancel();
        phase = Phase.BETWEEN_REQUESTS;
    }

    private void schedule(long delayNanos) {
        check = ctx.executor().schedule(this::check, Math.max(1, delayNanos), TimeUnit.NANOSECONDS);
    }

    private void cancel() {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }

    private long allowanceNanos() {
        return phase == Phase.HEAD ? deadlines.head().toNanos() : deadlines.bodyAllowanceNanos(bodyBytes);
    }

    private void check() {
        check = null;
        if (phase == Phase.BETWEEN_REQUESTS || !ctx.channel().isActive()) {
            return;
        }
        long now = System.nanoTime();
        long left = allowanceNanos() - (now - phaseStart);
        if (left > 0) {
            schedule(left);
            return;
        }
        Passed passed = new Passed(phase == Phase.HEAD, method, uri);
        ctx.fireUserEventTriggered(passed);
        if (passed.excused && phase != Phase.BETWEEN_REQUESTS && ctx.channel().isActive()) {
            long fresh = phase == Phase.HEAD ? deadlines.head().toNanos() : deadlines.bodyStart().toNanos();
            phaseStart = System.nanoTime() - allowanceNanos() + fresh;
            schedule(fresh);
        }
    }

    /**
     * A request's head or body is late. The handler that can answer calls {@link #excuse()} when the server, not
     * the client, is holding the connection.
     */
    static final class Passed {
        private final boolean head;
        private final String method;
        private final String uri;
        private boolean excused;

        Passed(boolean head, String method, String uri) {
            this.head = head;
            this.method = method;
            this.uri = uri;
        }

        /** True for a late head, false for a late body. */
        boolean head() {
            return head;
        }

        String method() {
            return method;
        }

        String uri() {
            return uri;
        }

        /** The server holds the connection: the deadline waits, and is checked again shortly. */
        void excuse() {
            excused = true;
        }
    }

    /** Sees the plaintext bytes of each request arrive, before the decoder. */
    private final class BytesWatch extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (message instanceof ByteBuf bytes) {
                bytesArrived(bytes.readableBytes());
            }
            ctx.fireChannelRead(message);
        }
    }
}
