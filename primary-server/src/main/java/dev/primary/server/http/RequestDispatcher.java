package dev.primary.server.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one request on a worker thread: filter, route, content type, handler; any failure becomes a
 * problem answer through {@link ProblemResponses}. Never throws.
 */
final class RequestDispatcher {
    private final RouteTable routes;

    RequestDispatcher(RouteTable routes) {
        this.routes = routes;
    }

    Response dispatch(String method, String uri, HttpHeaders headers, byte[] body) {
        String path = pathOf(uri);
        try {
            QueryStringDecoder decoder = new QueryStringDecoder(uri);
            Request request = new Request(method, decoder.rawPath(), Map.of(), decoder.parameters(), headers, body);
            routes.filter().check(request);
            RouteTable.Match match = routes.resolve(method, decoder.rawPath());
            if (body.length > 0) {
                requireJson(headers);
            }
            return match.handler().handle(request.withPathParameters(match.parameters()));
        } catch (RuntimeException e) {
            return ProblemResponses.of(e, method, path);
        }
    }

    private static void requireJson(HttpHeaders headers) {
        String contentType = headers.get(HttpHeaderNames.CONTENT_TYPE, "");
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(Response.JSON)) {
            throw new UnsupportedMediaTypeException(contentType);
        }
    }

    private static String pathOf(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }
}
