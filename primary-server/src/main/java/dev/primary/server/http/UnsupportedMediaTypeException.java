package dev.primary.server.http;

import dev.primary.protocol.message.ProblemType;
import java.util.Map;

/** A request body is not JSON (415). */
public final class UnsupportedMediaTypeException extends HttpProblemException {
    public UnsupportedMediaTypeException(String contentType) {
        super(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "request bodies must be application/json, got " + (contentType.isEmpty() ? "no Content-Type" : "\"" + contentType + "\""),
                Map.of());
    }
}
