package dev.primary.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Netty's aggregator, but a body over the limit becomes an {@link OversizedRequest} that the
 * {@link ConnectionHandler} answers in order with a 413 problem and then closes the connection,
 * instead of Netty's empty 413.
 */
final class BodyLimitAggregator extends HttpObjectAggregator {
    private final int maxBodyBytes;

    BodyLimitAggregator(int maxBodyBytes) {
        super(maxBodyBytes, true);
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (oversized instanceof HttpRequest request) {
            ctx.fireChannelRead(new OversizedRequest(request.method().name(), request.uri()));
        } else {
            super.handleOversizedMessage(ctx, oversized);
        }
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object answer = super.newContinueResponse(start, maxContentLength, pipeline);
        if (answer instanceof FullHttpResponse response && response.status().code() == 413) {
            response.release();
            String method = start instanceof HttpRequest request ? request.method().name() : "?";
            String uri = start instanceof HttpRequest request ? request.uri() : "?";
            return ConnectionHandler.toNetty(
                    ProblemResponses.of(new BodyTooLargeException(maxBodyBytes), method, uri), false);
        }
        return answer;
    }
}
