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
 * <ul>
 * <li>a {@link PrimaryException} of a client error answers with its {@link ProblemType} and message (logged at
 *     DEBUG); malformed JSON is 400 {@code malformed-request} with its message;</li>
 * <li>a full disk ({@link ProblemType#STORAGE_FULL}) is 503 with {@code Retry-After}, logged once per burst by the
 *     {@link StorageFullLog};</li>
 * <li>anything else (an {@link IllegalArgumentException} or {@link IllegalStateException} escaping from the core, a
 *     store failure, any other server fault) is a 500 {@code internal-error}, logged once at ERROR with its stack
 *     trace under a new {@link Incidents incident id}, which the answer carries; the answer says nothing internal.
 *     Input is validated at the edge and in the message records, so a domain exception is a server bug.</li>
 * </ul>
 * Only method and path are logged, never headers or bodies (tokens, signatures, license documents).
 */
public final class ProblemResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);
    private static final String DEFAULT_RETRY_AFTER_SECONDS = "1";
    static final String INTERNAL_DETAIL = "the server failed to handle this request; the server log has the cause"
            + " under this incident id";
    static final String STORAGE_FULL_DETAIL = "the server's storage is full; nothing of this request was kept;"
            + " retry in " + StorageFullLog.RETRY_AFTER_SECONDS + " s";
    private static final StorageFullLog STORAGE_FULL = StorageFullLog.systemDefault();

    private ProblemResponses() {}

    public static Response of(Throwable failure, String method, String path) {
        if (failure instanceof PrimaryException primary) {
            return ofPrimary(primary, method, path);
        }
        if (failure instanceof MalformedJsonException) {
            LOG.debug("{} {} refused: {}", method, path, failure.getMessage());
            return Response.problem(Problem.of(ProblemType.MALFORMED_REQUEST, failure.getMessage()), Map.of());
        }
        return incident(failure, method, path);
    }

    private static Response ofPrimary(PrimaryException primary, String method, String path) {
        ProblemType type = primary.problemType();
        if (type == ProblemType.STORAGE_FULL) {
            STORAGE_FULL.record(primary, method, path);
            return Response.problem(Problem.of(type, STORAGE_FULL_DETAIL),
                    Map.of("Retry-After", Long.toString(StorageFullLog.RETRY_AFTER_SECONDS)));
        }
        if (type.status() >= 500 && type != ProblemType.SERVER_BUSY) {
            return incident(primary, method, path);
        }
        LOG.debug("{} {} refused: {} {}", method, path, type.status(), primary.getMessage());
        Map<String, String> headers = primary instanceof HttpProblemException edge ? edge.headers()
                : type == ProblemType.SERVER_BUSY ? Map.of("Retry-After", DEFAULT_RETRY_AFTER_SECONDS) : Map.of();
        return Response.problem(Problem.of(type, primary.getMessage()), headers);
    }

    private static Response incident(Throwable failure, String method, String path) {
        String incident = Incidents.newId();
        LOG.error("incident {} - {} {} failed", incident, method, path, failure);
        return Response.problem(Problem.incident(ProblemType.INTERNAL_ERROR, INTERNAL_DETAIL, incident), Map.of());
    }
}
