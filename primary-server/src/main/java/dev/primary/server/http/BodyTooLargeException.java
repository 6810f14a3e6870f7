package dev.primary.server.http;

import dev.primary.protocol.message.ProblemType;
import java.util.Map;

/** A request body is larger than {@code max-body} (413; the connection is closed). */
public final class BodyTooLargeException extends HttpProblemException {
    public BodyTooLargeException(int maxBodyBytes) {
        super(ProblemType.BODY_TOO_LARGE, "request body is larger than the limit of " + maxBodyBytes + " bytes",
                Map.of());
    }
}
