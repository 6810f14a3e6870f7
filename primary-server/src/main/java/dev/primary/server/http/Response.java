package dev.primary.server.http;

import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.Problem;
import java.util.Map;
import java.util.Objects;

/**
 * What a handler answers.
 *
 * @param status the HTTP status
 * @param contentType the body's media type; empty without a body
 * @param body the body bytes
 * @param headers further headers
 */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) implements Reply {
    public static final String JSON = "application/json";

    public Response {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    public static Response json(Object value) {
        return json(200, value);
    }

    public static Response json(int status, Object value) {
        return new Response(status, JSON, Json.write(value), Map.of());
    }

    public static Response json(int status, Object value, Map<String, String> headers) {
        return new Response(status, JSON, Json.write(value), headers);
    }

    public static Response noContent() {
        return new Response(204, "", new byte[0], Map.of());
    }

    public static Response problem(Problem problem, Map<String, String> headers) {
        return new Response(problem.status(), Problem.MEDIA_TYPE, Json.write(problem), headers);
    }
}
