package dev.primary.server.http;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;
import java.util.Map;

/** A request the HTTP edge itself refuses (before the licensing core sees it), with any headers the answer needs. */
public abstract class HttpProblemException extends PrimaryException {
    private final Map<String, String> headers;

    protected HttpProblemException(ProblemType problemType, String message, Map<String, String> headers) {
        super(problemType, message);
        this.headers = Map.copyOf(headers);
    }

    /** Headers to send with the problem answer ({@code Allow}, {@code Retry-After}, {@code WWW-Authenticate}). */
    public Map<String, String> headers() {
        return headers;
    }
}
