package dev.primary.server.http;

import dev.primary.protocol.message.ProblemType;
import java.util.Map;

/** A {@code Range} that selects no byte of the file, or that this server does not serve (416, with {@code Content-Range: bytes *}/size). */
public final class RangeNotSatisfiableException extends HttpProblemException {
    public RangeNotSatisfiableException(String message, long size) {
        super(ProblemType.RANGE_NOT_SATISFIABLE, message, Map.of("Content-Range", "bytes */" + size));
    }
}
