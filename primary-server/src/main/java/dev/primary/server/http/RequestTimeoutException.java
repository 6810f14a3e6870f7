package dev.primary.server.http;

import dev.primary.protocol.message.ProblemType;
import java.util.Map;

/** A request's head or body did not arrive within its {@link ReadDeadlines} (408; the connection is closed). */
public final class RequestTimeoutException extends HttpProblemException {
    public RequestTimeoutException(boolean head) {
        super(ProblemType.REQUEST_TIMEOUT, head ? "the request's head did not arrive in time"
                : "the request's body did not arrive in time", Map.of());
    }
}
