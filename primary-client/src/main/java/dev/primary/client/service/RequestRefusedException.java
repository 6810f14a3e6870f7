package dev.primary.client.service;

import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The server answered a request with a 4xx problem (RFC 9457), perhaps saying when to ask again ({@code Retry-After}). */
public final class RequestRefusedException extends ContactFailedException {
    private final Problem problem;
    private final Duration retryAfter;

    public RequestRefusedException(Problem problem) {
        this(problem, null);
    }

    /** @param retryAfter the answer's {@code Retry-After}; {@code null} when it had none */
    public RequestRefusedException(Problem problem, Duration retryAfter) {
        super("refused the request: " + problem.title() + " (HTTP " + problem.status() + ")"
                + (problem.detail().isEmpty() ? "" : ": " + problem.detail()));
        this.problem = Objects.requireNonNull(problem, "problem");
        this.retryAfter = retryAfter;
    }

    public Problem problem() {
        return problem;
    }

    public boolean is(ProblemType type) {
        return problem.knownType().filter(type::equals).isPresent();
    }

    /** How long the server asked the client to wait before it asks again, if it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
