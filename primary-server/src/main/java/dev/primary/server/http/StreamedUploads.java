package dev.primary.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Sits before the aggregator and takes the requests of upload routes out of aggregation: their head goes up
 * as {@link UploadMessages.Start} and their body as {@link UploadMessages.Chunk}s, which the aggregator passes
 * through (they are not HTTP objects), so an upload of any size is never gathered in memory. Every other
 * request passes untouched.
 */
final class StreamedUploads extends ChannelInboundHandlerAdapter {
    private final RequestDispatcher dispatcher;
    private boolean streaming;

    StreamedUploads(RequestDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (streaming && message instanceof HttpContent content) {
            if (content.decoderResult().isFailure()) {
                content.release();
                ctx.close();
                return;
            }
            boolean last = content instanceof LastHttpContent;
            streaming = !last;
            ctx.fireChannelRead(new UploadMessages.Chunk(content.content(), last));
        } else if (message instanceof HttpRequest request && !(message instanceof FullHttpRequest)
                && request.decoderResult().isSuccess()
                && dispatcher.isUpload(request.method().name(), request.uri())) {
            streaming = true;
            ctx.fireChannelRead(new UploadMessages.Start(request));
        } else {
            ctx.fireChannelRead(message);
        }
    }
}
