package dev.primary.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;
import io.netty.handler.codec.http.HttpRequest;

/**
 * What {@link StreamedUploads} passes up the pipeline for an upload instead of HTTP objects, so the
 * aggregator lets them through untouched: the request's head, then its body in chunks.
 */
final class UploadMessages {
    private UploadMessages() {}

    /** The head of an upload request; its body follows as {@link Chunk}s. */
    record Start(HttpRequest head) {
    }

    /** Bytes of an upload's body, in order; {@code last} on the final one (which may be empty). */
    static final class Chunk extends DefaultByteBufHolder {
        private final boolean last;

        Chunk(ByteBuf bytes, boolean last) {
            super(bytes);
            this.last = last;
        }

        boolean last() {
            return last;
        }
    }
}
