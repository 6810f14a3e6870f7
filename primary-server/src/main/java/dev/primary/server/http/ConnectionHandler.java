package dev.primary.server.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a connection's pipeline, on the event loop. Hands each request to the
 * {@link WorkerPool} (answering 503 when it is full) and writes the answer back in request order:
 * one request per connection is in flight, pipelined ones wait, and reading pauses meanwhile.
 * Uploads ({@link UploadMessages}) stream into their sink through an {@link UploadTransfer}; file answers
 * ({@link FileReply}) stream out through {@link FileReplies}; an event stream ({@link EventStreamReply}) keeps the
 * connection for itself, written from any thread through a {@link ChannelEventStream}.
 * After a body over the limit or broken HTTP it answers, then closes gently (TLS close_notify, keeps
 * draining what the client still sends for a moment), so the client reads the answer instead of a reset.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);
    private static final int MAX_WAITING = 16;
    private static final long BUSY_RETRY_AFTER_SECONDS = 1;
    private static final long LINGER_SECONDS = 2;

    private final RequestDispatcher dispatcher;
    private final WorkerPool workers;
    private final int maxBodyBytes;
    private final TrafficCount traffic;
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    private boolean inFlight;
    private boolean closing;
    private boolean sendingFile;
    private UploadTransfer upload;
    /** The HTTP version of the request in flight, which its answer's status line repeats (HTTP/1.0 or HTTP/1.1). */
    private HttpVersion version = HttpVersion.HTTP_1_1;

    ConnectionHandler(RequestDispatcher dispatcher, WorkerPool workers, int maxBodyBytes, TrafficCount traffic) {
        this.dispatcher = dispatcher;
        this.workers = workers;
        this.maxBodyBytes = maxBodyBytes;
        this.traffic = traffic;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (closing) {
            ReferenceCountUtil.release(message);
        } else if (upload != null && message instanceof UploadMessages.Chunk chunk) {
            upload.accept(chunk);
        } else if (inFlight) {
            if (waiting.size() >= MAX_WAITING) {
                ReferenceCountUtil.release(message);
                ctx.close();
            } else {
                waiting.add(message);
            }
        } else {
            start(ctx, message);
        }
    }

    private void start(ChannelHandlerContext ctx, Object message) {
        inFlight = true;
        ctx.channel().config().setAutoRead(false);
        if (message instanceof OversizedRequest oversized) {
            traffic.answered(oversized.method(), oversized.uri(), 413);
            respond(ctx, ProblemResponses.of(new BodyTooLargeException(maxBodyBytes), oversized.method(),
                    oversized.uri()), Ending.LINGER_AND_CLOSE);
        } else if (message instanceof FullHttpRequest request) {
            try {
                startRequest(ctx, request);
            } finally {
                request.release();
            }
        } else if (message instanceof UploadMessages.Start uploadStart) {
            startUpload(ctx, uploadStart.head());
        } else {
            ReferenceCountUtil.release(message);
            finish(ctx);
        }
    }

    private void startRequest(ChannelHandlerContext ctx, FullHttpRequest request) {
        String method = request.method().name();
        String uri = request.uri();
        version = answerVersion(request);
        if (request.decoderResult().isFailure()) {
            MalformedHttpException problem = new MalformedHttpException(describe(request.decoderResult().cause()));
            traffic.answered(method, uri, 400);
            respond(ctx, ProblemResponses.of(problem, method, "(unparsed)"), Ending.LINGER_AND_CLOSE);
            return;
        }
        byte[] body = ByteBufUtil.getBytes(request.content());
        Ending ending = HttpUtil.isKeepAlive(request) ? Ending.KEEP_ALIVE : Ending.CLOSE;
        String remoteAddress = remoteAddressOf(ctx);
        // Answered here, the request's own headers serve (it is released only after this returns); a worker gets a copy.
        Reply atOnce = dispatcher.tryAtOnce(method, uri, request.headers(), body, remoteAddress);
        if (atOnce != null) {
            traffic.answered(method, RequestDispatcher.pathOf(uri), atOnce.status());
            respond(ctx, atOnce, ending);
            return;
        }
        HttpHeaders headers = request.headers().copy();
        boolean queued = workers.trySubmit(() -> {
            Reply reply = dispatchSafely(method, uri, headers, body, remoteAddress);
            traffic.answered(method, RequestDispatcher.pathOf(uri), reply.status());
            try {
                ctx.executor().execute(() -> respond(ctx, reply, ending));
            } catch (RejectedExecutionException e) {
                LOG.debug("{} {} answered after the server stopped", method, uri);
                closeIfFile(reply);
            }
        });
        if (!queued) {
            traffic.answered(method, uri, 503);
            respond(ctx, ProblemResponses.of(new ServerBusyException(BUSY_RETRY_AFTER_SECONDS), method, uri), ending);
        }
    }

    private void startUpload(ChannelHandlerContext ctx, HttpRequest head) {
        String method = head.method().name();
        String uri = head.uri();
        version = answerVersion(head);
        boolean keepAlive = HttpUtil.isKeepAlive(head);
        UploadTransfer transfer = new UploadTransfer(ctx, workers, HttpUtil.is100ContinueExpected(head),
                RequestDispatcher.pathOf(uri), (response, bodyRead) -> {
                    upload = null;
                    respond(ctx, response, !bodyRead ? Ending.LINGER_AND_CLOSE : keepAlive ? Ending.KEEP_ALIVE : Ending.CLOSE);
                });
        upload = transfer;
        while (waiting.peek() instanceof UploadMessages.Chunk chunk) {
            waiting.poll();
            transfer.accept(chunk);
        }
        HttpHeaders headers = head.headers().copy();
        String remoteAddress = remoteAddressOf(ctx);
        boolean queued = workers.trySubmit(() -> {
            UploadDecision decision = dispatcher.beginUpload(method, uri, headers, remoteAddress);
            try {
                ctx.executor().execute(() -> transfer.begun(decision));
            } catch (RejectedExecutionException e) {
                if (decision instanceof UploadDecision.Accepted accepted) {
                    accepted.sink().abort();
                }
            }
        });
        if (!queued) {
            transfer.begun(new UploadDecision.Refused(
                    ProblemResponses.of(new ServerBusyException(BUSY_RETRY_AFTER_SECONDS), method, uri)));
        }
    }

    private Reply dispatchSafely(String method, String uri, HttpHeaders headers, byte[] body, String remoteAddress) {
        try {
            return dispatcher.dispatch(method, uri, headers, body, remoteAddress);
        } catch (RuntimeException | Error e) {
            return ProblemResponses.of(e, method, uri);
        }
    }

    private void respond(ChannelHandlerContext ctx, Reply reply, Ending ending) {
        if (!ctx.channel().isActive()) {
            closeIfFile(reply);
            return;
        }
        if (reply instanceof FileReply file) {
            sendFile(ctx, file, ending);
            return;
        }
        if (reply instanceof EventStreamReply stream) {
            openStream(ctx, stream);
            return;
        }
        ChannelFuture written = ctx.writeAndFlush(toNetty((Response) reply, ending == Ending.KEEP_ALIVE, version));
        switch (ending) {
            case KEEP_ALIVE -> {
                written.addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
                finish(ctx);
            }
            case CLOSE -> {
                closing = true;
                written.addListener(ChannelFutureListener.CLOSE);
            }
            case LINGER_AND_CLOSE -> {
                closing = true;
                written.addListener(done -> lingerAndClose(ctx));
            }
        }
    }

    /** Streams a file answer; the next request starts only once its last byte is written. */
    private void sendFile(ChannelHandlerContext ctx, FileReply file, Ending ending) {
        boolean keepAlive = ending == Ending.KEEP_ALIVE;
        ChannelFuture sending;
        try {
            sending = FileReplies.write(ctx, file, keepAlive, version, traffic);
        } catch (RuntimeException e) {
            respond(ctx, ProblemResponses.of(e, "GET", "(file)"), ending);
            return;
        }
        sendingFile = true;
        closing = !keepAlive;
        sending.addListener(sent -> {
            sendingFile = false;
            if (!sent.isSuccess() || !keepAlive) {
                ctx.close();
            } else {
                finish(ctx);
            }
        });
    }

    /**
     * Writes an event stream's head and hands the open stream on; the connection serves nothing else from now on
     * (what the client still sends is read and dropped, so that its close is seen at once).
     */
    private void openStream(ChannelHandlerContext ctx, EventStreamReply stream) {
        HttpResponse head = new DefaultHttpResponse(version, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, EventStreamReply.MEDIA_TYPE + "; charset=utf-8");
        head.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        for (Map.Entry<String, String> header : stream.headers().entrySet()) {
            head.headers().set(header.getKey(), header.getValue());
        }
        HttpUtil.setTransferEncodingChunked(head, true);
        closing = true;
        releaseWaiting();
        ctx.writeAndFlush(head).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        ctx.channel().config().setAutoRead(true);
        try {
            stream.opened().accept(new ChannelEventStream(ctx.channel()));
        } catch (RuntimeException e) {
            LOG.warn("event stream to {} failed to open: {}", ctx.channel().remoteAddress(), e.toString());
            ctx.close();
        }
    }

    private void finish(ChannelHandlerContext ctx) {
        inFlight = false;
        Object next = waiting.poll();
        if (next != null) {
            start(ctx, next);
        } else {
            ctx.channel().config().setAutoRead(true);
        }
    }

    private void lingerAndClose(ChannelHandlerContext ctx) {
        releaseWaiting();
        ctx.channel().config().setAutoRead(true);
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        if (ssl != null) {
            ssl.closeOutbound();
        }
        ctx.executor().schedule(() -> ctx.close(), LINGER_SECONDS, TimeUnit.SECONDS);
    }

    static FullHttpResponse toNetty(Response response, boolean keepAlive) {
        return toNetty(response, keepAlive, HttpVersion.HTTP_1_1);
    }

    /**
     * The answer in {@code version}: an HTTP/1.0 request gets an HTTP/1.0 status line (and its connection closes
     * after the answer unless it asked for keep-alive), as RFC 9110 §6.2 asks of a server.
     */
    static FullHttpResponse toNetty(Response response, boolean keepAlive, HttpVersion version) {
        FullHttpResponse out = new DefaultFullHttpResponse(version,
                HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(response.body()));
        HttpHeaders headers = out.headers();
        if (!response.contentType().isEmpty()) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        }
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            headers.set(header.getKey(), header.getValue());
        }
        HttpUtil.setKeepAlive(out, keepAlive);
        return out;
    }

    private static HttpVersion answerVersion(HttpRequest request) {
        return HttpVersion.HTTP_1_0.equals(request.protocolVersion()) ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
    }

    private static void closeIfFile(Reply reply) {
        if (reply instanceof FileReply file) {
            file.close();
        } else if (reply instanceof EventStreamReply stream) {
            stream.abandoned().run();
        }
    }

    private static String remoteAddressOf(ChannelHandlerContext ctx) {
        SocketAddress address = ctx.channel().remoteAddress();
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : "";
    }

    private static String describe(Throwable cause) {
        if (cause instanceof TooLongHttpHeaderException) {
            return "request headers are larger than the limit";
        }
        if (cause instanceof TooLongHttpLineException) {
            return "request line is longer than the limit";
        }
        if (cause instanceof TooLongFrameException) {
            return "request is larger than the limit";
        }
        return "not a valid HTTP/1.1 request: " + cause.getMessage();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof RequestDeadline.Passed passed) {
            requestLate(ctx, passed);
        } else if (event instanceof IdleStateEvent
                && (!inFlight || sendingFile || upload != null && upload.waitingForClient())) {
            ctx.close();
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    /** A head or body is late: 408 and close when it is the client's turn to send, else the deadline waits. */
    private void requestLate(ChannelHandlerContext ctx, RequestDeadline.Passed passed) {
        if (closing) {
            return;
        }
        if (inFlight && (upload == null || !upload.waitingForClient())) {
            passed.excuse();
            return;
        }
        traffic.timedOut();
        if (upload != null) {
            upload.connectionClosed();
            upload = null;
        }
        closing = true;
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        if (ssl != null && !ssl.handshakeFuture().isSuccess()) {
            ctx.close();
            return;
        }
        inFlight = true;
        ctx.channel().config().setAutoRead(false);
        ctx.writeAndFlush(toNetty(ProblemResponses.of(new RequestTimeoutException(passed.head()), passed.method(),
                passed.uri()), false)).addListener(written -> lingerAndClose(ctx));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        releaseWaiting();
        if (upload != null) {
            upload.connectionClosed();
            upload = null;
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException || cause instanceof SSLException
                || cause instanceof PrematureChannelClosureException
                || cause instanceof DecoderException && cause.getCause() instanceof SSLException) {
            LOG.debug("connection from {} ended: {}", ctx.channel().remoteAddress(), cause.getMessage());
        } else {
            LOG.warn("connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        }
        ctx.close();
    }

    private void releaseWaiting() {
        Object message;
        while ((message = waiting.poll()) != null) {
            ReferenceCountUtil.release(message);
        }
    }

    private enum Ending {
        KEEP_ALIVE, CLOSE, LINGER_AND_CLOSE
    }
}
