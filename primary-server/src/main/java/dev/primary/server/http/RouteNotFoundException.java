package dev.primary.server.http;

import dev.primary.protocol.message.ProblemType;
import java.util.Map;

/** No route has this path (404). */
public final class RouteNotFoundException extends HttpProblemException {
    public RouteNotFoundException(String path) {
        super(ProblemType.NOT_FOUND, "no such resource: " + path, Map.of());
    }
}
