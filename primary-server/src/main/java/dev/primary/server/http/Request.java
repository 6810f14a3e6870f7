package dev.primary.server.http;

import dev.primary.protocol.json.Json;
import dev.primary.server.account.Caller;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as a handler sees it: method, raw path, decoded path and query parameters, headers, body,
 * and the IP address it came from.
 */
public final class Request {
    private final String method;
    private final String path;
    private final Map<String, String> pathParameters;
    private final Map<String, List<String>> queryParameters;
    private final HttpHeaders headers;
    private final byte[] body;
    private final String remoteAddress;
    private Caller caller;

    Request(String method, String path, Map<String, String> pathParameters, Map<String, List<String>> queryParameters,
            HttpHeaders headers, byte[] body, String remoteAddress) {
        this.method = method;
        this.path = path;
        this.pathParameters = Map.copyOf(pathParameters);
        this.queryParameters = Map.copyOf(queryParameters);
        this.headers = headers;
        this.body = body;
        this.remoteAddress = remoteAddress;
    }

    Request withPathParameters(Map<String, String> parameters) {
        Request routed = new Request(method, path, parameters, queryParameters, headers, body, remoteAddress);
        routed.caller = caller;
        return routed;
    }

    /** Set by the admin port's authentication, before routing, once the request's caller is proven. */
    void authenticatedAs(Caller value) {
        caller = value;
    }

    /**
     * Who made this admin request, as proven by {@link AdminAuthentication}: the name the audit trail records.
     *
     * @throws IllegalStateException on a request no authentication ran for (the open routes, the client port)
     */
    public Caller caller() {
        if (caller == null) {
            throw new IllegalStateException("this request was not authenticated as an admin caller");
        }
        return caller;
    }

    /** {@link #caller()}'s name, as routes pass it to the audit trail. */
    public String actor() {
        return caller().name();
    }

    /** The IP address of the peer that sent it ({@code 10.0.0.5}); empty when unknown. */
    public String remoteAddress() {
        return remoteAddress;
    }

    /** {@code GET}, {@code POST}, ... */
    public String method() {
        return method;
    }

    /** The path as sent (still percent-encoded), without the query. */
    public String path() {
        return path;
    }

    /** A decoded {@code {name}} segment of the route's path pattern. */
    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no path parameter {" + name + "}");
        }
        return value;
    }

    /** The last value of a query parameter, decoded. */
    public Optional<String> queryParameter(String name) {
        List<String> values = queryParameters.getOrDefault(name, List.of());
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public byte[] body() {
        return body.clone();
    }

    /** The body read strictly as a {@code type}; a defect is a {@link dev.primary.protocol.json.MalformedJsonException}. */
    public <T> T bodyAs(Class<T> type) {
        return Json.read(body, type);
    }
}
