package dev.primary.admin.http;

import dev.primary.protocol.message.Problem;

/** The server refused the request with a problem answer (RFC 9457); {@link #problem()} says why. */
public final class ProblemAnswerException extends AdminApiException {
    private final Problem problem;

    public ProblemAnswerException(Problem problem) {
        super(problem.detail().isEmpty() ? problem.title() : problem.title() + ": " + problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
