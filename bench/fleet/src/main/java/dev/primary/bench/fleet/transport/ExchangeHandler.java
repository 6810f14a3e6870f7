package dev.primary.bench.fleet.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.Arrays;

/**
 * Reads the answers on one connection and hands each complete one to its {@link Lane}: status, {@code Retry-After},
 * and the body, kept or only counted. Notes which TLS handshake the connection made, for its first answer.
 */
final class ExchangeHandler extends ChannelInboundHandlerAdapter {
    private final Lane lane;
    private final ClientTls tls;
    private final ClientTls.TlsConnection connection;
    private final int maxKeptBody;
    private Handshake handshake = Handshake.NONE;
    private int status;
    private long retryAfterSeconds;
    private boolean keepAlive;
    private boolean keepBody;
    private byte[] body = new byte[0];
    private int kept;
    private long bodyBytes;

    ExchangeHandler(Lane lane, ClientTls tls, ClientTls.TlsConnection connection, int maxKeptBody) {
        this.lane = lane;
        this.tls = tls;
        this.connection = connection;
        this.maxKeptBody = maxKeptBody;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        lane.progressed(ctx.channel());
        try {
            if (message instanceof HttpObject object && object.decoderResult().isFailure()) {
                lane.failed(ctx.channel(), new DecoderException("unreadable HTTP answer: "
                        + object.decoderResult().cause().getMessage(), object.decoderResult().cause()));
                return;
            }
            if (message instanceof HttpResponse response) {
                begin(ctx, response);
            }
            if (message instanceof HttpContent content && status != 0) {
                append(ctx, content.content());
                if (content instanceof LastHttpContent) {
                    complete(ctx);
                }
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    private void begin(ChannelHandlerContext ctx, HttpResponse response) {
        status = response.status().code();
        retryAfterSeconds = retryAfter(response.headers().get(HttpHeaderNames.RETRY_AFTER));
        keepAlive = HttpUtil.isKeepAlive(response);
        Exchange exchange = lane.exchangeOn(ctx.channel());
        boolean success = status >= 200 && status < 300;
        keepBody = exchange == null || exchange.bodyMode() == BodyMode.KEEP || !success;
        kept = 0;
        bodyBytes = 0;
    }

    private void append(ChannelHandlerContext ctx, ByteBuf content) {
        int readable = content.readableBytes();
        bodyBytes += readable;
        if (!keepBody || readable == 0) {
            return;
        }
        if (kept + readable > maxKeptBody) {
            lane.failed(ctx.channel(), new AnswerTooLargeException(maxKeptBody));
            status = 0;
            return;
        }
        if (kept + readable > body.length) {
            body = Arrays.copyOf(body, Math.max(kept + readable, Math.min(maxKeptBody, body.length * 2 + 1024)));
        }
        content.getBytes(content.readerIndex(), body, kept, readable);
        kept += readable;
    }

    private void complete(ChannelHandlerContext ctx) {
        Answer answer = new Answer(status, retryAfterSeconds, keepBody ? Arrays.copyOf(body, kept) : null, bodyBytes,
                handshake);
        handshake = Handshake.NONE;
        status = 0;
        lane.answered(ctx.channel(), answer, keepAlive);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent completion) {
            lane.progressed(ctx.channel());
            if (completion.isSuccess()) {
                handshake = tls.handshakeCompleted(connection);
            } else {
                lane.failed(ctx.channel(), completion.cause());
            }
        }
        ReferenceCountUtil.release(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        lane.failed(ctx.channel(), cause);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        tls.connectionClosed(connection);
        lane.closed(ctx.channel());
    }

    static long retryAfter(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
