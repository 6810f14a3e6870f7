package dev.primary.server.http;

import dev.primary.protocol.message.ProblemType;
import java.util.Map;
import java.util.function.Supplier;

/** A path segment, query parameter or header value that is not what the route takes (400, naming it and why). */
public final class MalformedParameterException extends HttpProblemException {
    public MalformedParameterException(String message) {
        super(ProblemType.MALFORMED_REQUEST, message, Map.of());
    }

    /**
     * Reads a request value with a validating parser of the protocol ({@code ReleaseManifest.requireSha256},
     * a record's constructor): its {@link IllegalArgumentException} is the client's error here, a 400 with its
     * message, never a server fault.
     */
    public static <T> T parsing(Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new MalformedParameterException(e.getMessage());
        }
    }
}
