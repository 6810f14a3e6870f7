package dev.primary.server.http;

import java.nio.channels.FileChannel;
import java.util.Map;
import java.util.Objects;

/**
 * An answer whose body is a slice of an open file, streamed chunk by chunk as the client takes it (over TLS
 * too), so memory stays flat whatever the file's size. The edge closes {@link #source()} once the body is
 * sent, or when the connection ends first.
 *
 * @param status 200 or 206
 * @param contentType the body's media type
 * @param headers further headers ({@code Content-Range}, {@code ETag}, ...)
 * @param channel the open file, read by absolute position
 * @param offset where the body starts in the file
 * @param length how many bytes the body has
 * @param source what to close once the body is sent (the stored package)
 */
public record FileReply(int status, String contentType, Map<String, String> headers, FileChannel channel,
        long offset, long length, AutoCloseable source) implements Reply, AutoCloseable {
    public FileReply {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(source, "source");
        headers = Map.copyOf(headers);
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length cannot be negative");
        }
    }

    /** Closes the source; never throws (a read-only file loses nothing when its close fails). */
    @Override
    public void close() {
        try (channel) {
            source.close();
        } catch (Exception e) {
            // closing a read-only package cannot lose data
        }
    }
}
