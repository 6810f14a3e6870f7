package dev.primary.server.http;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An answer that stays open: a {@code text/event-stream} head, then whatever is sent on the {@link EventStream} until
 * either side closes it. It holds no worker thread: the edge writes the head on the connection's event loop and hands
 * the stream to {@link #opened()}; the connection serves no further request.
 *
 * @param headers further headers
 * @param opened called once the head is written, with the open stream
 * @param abandoned called instead when the connection ended before the head could be written
 */
public record EventStreamReply(Map<String, String> headers, Consumer<EventStream> opened, Runnable abandoned)
        implements Reply {
    public static final String MEDIA_TYPE = "text/event-stream";

    public EventStreamReply {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(opened, "opened");
        Objects.requireNonNull(abandoned, "abandoned");
    }

    @Override
    public int status() {
        return 200;
    }
}
