package dev.primary.server.http;

import dev.primary.protocol.message.ProblemType;
import java.util.Map;

/** As many event streams are open as the server keeps (503, with {@code Retry-After}). */
public final class EventStreamsFullException extends HttpProblemException {
    public EventStreamsFullException(int open, long retryAfterSeconds) {
        super(ProblemType.SERVER_BUSY, open + " event streams are open, the most this server keeps; retry in "
                + retryAfterSeconds + " s", Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }
}
