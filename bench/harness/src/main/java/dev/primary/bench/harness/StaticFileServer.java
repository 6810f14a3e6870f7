package dev.primary.bench.harness;

import dev.primary.protocol.tls.TlsPin;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.stream.ChunkedNioFile;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A plain static-file HTTPS server on the Primary Server's stack: GET of any path returns the one file, streamed
 * exactly as the server streams a package (a {@link ChunkedNioFile} of {@value #CHUNK_BYTES} bytes per chunk through
 * a {@code ChunkedWriteHandler} and the {@code SslHandler}, the file opened per request), with a single
 * {@code Range: bytes=a-} or {@code bytes=a-b} honoured (206). The baseline the update wave is measured against.
 */
public final class StaticFileServer implements AutoCloseable {
    /** The chunk size of the real server's {@code FileReplies}, so both stream alike. */
    static final int CHUNK_BYTES = 64 * 1024;

    private final BareTlsServer server;

    private StaticFileServer(BareTlsServer server) {
        this.server = server;
    }

    /** Starts serving {@code file} on {@code 127.0.0.1:port}; 0 picks a free port. */
    public static StaticFileServer start(int port, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no file to serve at " + file);
        }
        return new StaticFileServer(BareTlsServer.start("static-file", port, true, () -> new FileAnswer(file)));
    }

    public int port() {
        return server.port();
    }

    /** The pin of the self-made TLS key this server presents. */
    public TlsPin tlsPin() {
        return server.tlsPin();
    }

    @Override
    public void close() {
        server.close();
    }

    /** Answers each request with the file (or its range) once the request has fully arrived; one per connection. */
    private static final class FileAnswer extends ChannelInboundHandlerAdapter {
        private final Path file;
        private boolean keepAlive = true;
        private String range;

        FileAnswer(Path file) {
            this.file = file;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            try {
                if (message instanceof HttpRequest request) {
                    keepAlive = HttpUtil.isKeepAlive(request);
                    range = request.headers().get(HttpHeaderNames.RANGE);
                }
                if (message instanceof LastHttpContent) {
                    answer(ctx);
                }
            } finally {
                ReferenceCountUtil.release(message);
            }
        }

        private void answer(ChannelHandlerContext ctx) {
            FileChannel channel;
            try {
                channel = FileChannel.open(file, StandardOpenOption.READ);
            } catch (IOException e) {
                ctx.close();
                return;
            }
            try {
                send(ctx, channel);
            } catch (IOException | RuntimeException e) {
                closeQuietly(channel);
                ctx.close();
            }
        }

        private void send(ChannelHandlerContext ctx, FileChannel channel) throws IOException {
            long size = channel.size();
            Optional<SingleRange> selected;
            try {
                selected = SingleRange.of(range, size);
            } catch (IllegalArgumentException e) {
                closeQuietly(channel);
                refuseRange(ctx, size);
                return;
            }
            long offset = selected.map(SingleRange::first).orElse(0L);
            long length = selected.map(SingleRange::length).orElse(size);
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1,
                    selected.isPresent() ? HttpResponseStatus.PARTIAL_CONTENT : HttpResponseStatus.OK);
            HttpHeaders headers = head.headers();
            headers.set(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream");
            headers.set(HttpHeaderNames.CONTENT_LENGTH, length);
            headers.set(HttpHeaderNames.ACCEPT_RANGES, "bytes");
            selected.ifPresent(span -> headers.set(HttpHeaderNames.CONTENT_RANGE, span.contentRange(size)));
            HttpUtil.setKeepAlive(head, keepAlive);
            ChunkedNioFile body = new ChunkedNioFile(channel, offset, length, CHUNK_BYTES);
            ctx.write(head);
            ChannelFuture sent = ctx.writeAndFlush(new HttpChunkedInput(body));
            sent.addListener(done -> closeQuietly(channel));
            sent.addListener(keepAlive ? ChannelFutureListener.CLOSE_ON_FAILURE : ChannelFutureListener.CLOSE);
        }

        private void refuseRange(ChannelHandlerContext ctx, long size) {
            FullHttpResponse refusal = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE, Unpooled.EMPTY_BUFFER);
            refusal.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes */" + size).setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            HttpUtil.setKeepAlive(refusal, keepAlive);
            ChannelFuture sent = ctx.writeAndFlush(refusal);
            sent.addListener(keepAlive ? ChannelFutureListener.CLOSE_ON_FAILURE : ChannelFutureListener.CLOSE);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        private static void closeQuietly(FileChannel channel) {
            try {
                channel.close();
            } catch (IOException e) {
                // a read-only file loses nothing when its close fails
            }
        }
    }
}
