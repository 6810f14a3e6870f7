package dev.primary.server.http;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.account.LoginThrottledException;
import java.util.Map;

/** A throttled login as HTTP: 429 with {@code Retry-After}. */
final class LoginLimitedException extends HttpProblemException {
    LoginLimitedException(LoginThrottledException cause) {
        super(ProblemType.TOO_MANY_REQUESTS, cause.getMessage(),
                Map.of("Retry-After", Long.toString(Math.max(1, cause.retryAfter().toSeconds()))));
    }
}
