package dev.primary.client.http;

import dev.primary.protocol.message.ProblemType;
import java.util.Optional;

/**
 * An enrollment token could not be confirmed: the server refused it (wrong, expired, used up, revoked), or the check
 * itself failed (no answer, rate-limited, a server without token checks). The message is one line that says which and
 * names the token by its id only.
 */
public final class EnrollmentCheckFailedException extends RuntimeException {
    private final transient ProblemType refusal;

    EnrollmentCheckFailedException(String message, ProblemType refusal) {
        super(message);
        this.refusal = refusal;
    }

    /** The problem type the server refused the token with; empty when the check itself failed. */
    public Optional<ProblemType> refusal() {
        return Optional.ofNullable(refusal);
    }
}
