package dev.primary.client.service;

import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import java.util.Objects;

/** The server answered a request with a 4xx problem (RFC 9457). */
public final class RequestRefusedException extends ContactFailedException {
    private final Problem problem;

    public RequestRefusedException(Problem problem) {
        super("refused the request: " + problem.title() + " (HTTP " + problem.status() + ")"
                + (problem.detail().isEmpty() ? "" : ": " + problem.detail()));
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Problem problem() {
        return problem;
    }

    public boolean is(ProblemType type) {
        return problem.knownType().filter(type::equals).isPresent();
    }
}
