package dev.primary.server.http;

import dev.primary.protocol.message.ProblemType;
import java.util.Map;

/** The request is not valid HTTP, or its request line or headers are too long (400; the connection is closed). */
public final class MalformedHttpException extends HttpProblemException {
    public MalformedHttpException(String message) {
        super(ProblemType.MALFORMED_REQUEST, message, Map.of());
    }
}
