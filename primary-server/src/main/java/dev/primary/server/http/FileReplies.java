package dev.primary.server.http;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.stream.ChunkedNioFile;
import java.io.IOException;
import java.util.Map;

/**
 * Writes a {@link FileReply}: its head, then its body as a {@link ChunkedNioFile} that the pipeline's
 * {@link io.netty.handler.stream.ChunkedWriteHandler} reads chunk by chunk only while the connection can take
 * more, so a slow client holds one chunk, not the file. Works over TLS (no zero-copy file region).
 */
final class FileReplies {
    /** Bytes read from the file per chunk. */
    static final int CHUNK_BYTES = 64 * 1024;

    private FileReplies() {}

    /**
     * Starts sending {@code reply}; the returned future completes when its last byte is written (or the write
     * failed). The file is closed either way, and {@code traffic} told how many of its bytes went out. The status
     * line is in the request's {@code version}.
     */
    static ChannelFuture write(ChannelHandlerContext ctx, FileReply reply, boolean keepAlive, HttpVersion version,
            TrafficCount traffic) {
        HttpResponse head = new DefaultHttpResponse(version, HttpResponseStatus.valueOf(reply.status()));
        HttpHeaders headers = head.headers();
        headers.set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
        headers.set(HttpHeaderNames.CONTENT_LENGTH, reply.length());
        for (Map.Entry<String, String> header : reply.headers().entrySet()) {
            headers.set(header.getKey(), header.getValue());
        }
        HttpUtil.setKeepAlive(head, keepAlive);
        ChunkedNioFile body;
        try {
            body = new ChunkedNioFile(reply.channel(), reply.offset(), reply.length(), CHUNK_BYTES);
        } catch (IOException e) {
            reply.close();
            throw new java.io.UncheckedIOException("cannot read the package file: " + e.getMessage(), e);
        }
        ctx.write(head);
        ChannelFuture sent = ctx.writeAndFlush(new HttpChunkedInput(body));
        sent.addListener(done -> {
            reply.close();
            traffic.fileBytesSent(done.isSuccess() ? reply.length() : body.progress(), done.isSuccess());
        });
        return sent;
    }
}
