package dev.primary.server.account;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;
import java.time.Duration;

/** Too many failed logins for this account or from this address: refused without checking the password. */
public final class LoginThrottledException extends PrimaryException {
    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super(ProblemType.TOO_MANY_REQUESTS, "too many failed logins for this account or from this address; try again"
                + " in " + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
