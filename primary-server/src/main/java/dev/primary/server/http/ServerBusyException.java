package dev.primary.server.http;

import dev.primary.protocol.message.ProblemType;
import java.util.Map;

/** Every worker is busy and the queue is full (503, with {@code Retry-After}). */
public final class ServerBusyException extends HttpProblemException {
    public ServerBusyException(long retryAfterSeconds) {
        super(ProblemType.SERVER_BUSY, "the server is handling as many requests as it can; retry in "
                + retryAfterSeconds + " s", Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }
}
