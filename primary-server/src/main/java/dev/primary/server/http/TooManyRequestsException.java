package dev.primary.server.http;

import dev.primary.protocol.message.ProblemType;
import java.util.Map;

/** A source address over its per-source limit (429, with {@code Retry-After}). */
public final class TooManyRequestsException extends HttpProblemException {
    public TooManyRequestsException(String what, long retryAfterSeconds) {
        super(ProblemType.TOO_MANY_REQUESTS, what + " from this address are over the server's limit; retry in "
                + retryAfterSeconds + " s", Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }
}
