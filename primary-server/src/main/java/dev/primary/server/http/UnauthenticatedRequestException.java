package dev.primary.server.http;

import dev.primary.protocol.message.ProblemType;
import java.util.Map;

/** A request lacks the credentials its route needs, or carries garbled ones (401 {@code unauthenticated}). */
public final class UnauthenticatedRequestException extends HttpProblemException {
    public UnauthenticatedRequestException(String message) {
        super(ProblemType.UNAUTHENTICATED, message, Map.of());
    }

    public UnauthenticatedRequestException(String message, Map<String, String> headers) {
        super(ProblemType.UNAUTHENTICATED, message, headers);
    }
}
