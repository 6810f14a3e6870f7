package dev.primary.server.http;

import dev.primary.protocol.message.ProblemType;
import java.util.Map;

/** An upload without {@code Content-Length} (411; the connection is closed). */
public final class LengthRequiredException extends HttpProblemException {
    public LengthRequiredException() {
        super(ProblemType.LENGTH_REQUIRED, "an upload must announce its size with Content-Length "
                + "(chunked transfer encoding is not accepted)", Map.of());
    }
}
