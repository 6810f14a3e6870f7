package dev.primary.server.http;

import dev.primary.protocol.message.ProblemType;
import java.util.Map;
import java.util.SortedSet;

/** The path exists, but not for this method (405, with {@code Allow}). */
public final class MethodNotAllowedException extends HttpProblemException {
    public MethodNotAllowedException(String method, String path, SortedSet<String> allowed) {
        super(ProblemType.METHOD_NOT_ALLOWED, path + " does not accept " + method + "; it accepts "
                + String.join(", ", allowed), Map.of("Allow", String.join(", ", allowed)));
    }
}
