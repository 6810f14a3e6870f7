package dev.primary.server.http;

import dev.primary.protocol.json.MalformedJsonException;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns a failure into an HTTP answer (RFC 9457 problem JSON):
 * a {@link PrimaryException} answers with its {@link ProblemType}; malformed JSON and invalid
 * values ({@link IllegalArgumentException}) are 400 {@code malformed-request} with their message;
 * anything else is a 500 with a generic detail, logged once at ERROR with its stack trace.
 * Only method and path are logged, never headers or bodies (tokens, signatures, license documents).
 */
public final class ProblemResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);
    private static final String DEFAULT_RETRY_AFTER_SECONDS = "1";
    static final String INTERNAL_DETAIL = "the server failed to handle this request; the cause is in the server log";

    private ProblemResponses() {}

    public static Response of(Throwable failure, String method, String path) {
        if (failure instanceof PrimaryException primary) {
            ProblemType type = primary.problemType();
            if (type.status() >= 500 && type != ProblemType.SERVER_BUSY) {
                LOG.error("{} {} failed: {}", method, path, primary.getMessage(), primary);
            } else {
                LOG.debug("{} {} refused: {} {}", method, path, type.status(), primary.getMessage());
            }
            Map<String, String> headers = primary instanceof HttpProblemException edge ? edge.headers()
                    : type == ProblemType.SERVER_BUSY ? Map.of("Retry-After", DEFAULT_RETRY_AFTER_SECONDS) : Map.of();
            return Response.problem(Problem.of(type, primary.getMessage()), headers);
        }
        if (failure instanceof MalformedJsonException || failure instanceof IllegalArgumentException) {
            LOG.debug("{} {} refused: {}", method, path, failure.getMessage());
            return Response.problem(Problem.of(ProblemType.MALFORMED_REQUEST, failure.getMessage()), Map.of());
        }
        LOG.error("{} {} failed", method, path, failure);
        return Response.problem(Problem.of(ProblemType.INTERNAL_ERROR, INTERNAL_DETAIL), Map.of());
    }
}
