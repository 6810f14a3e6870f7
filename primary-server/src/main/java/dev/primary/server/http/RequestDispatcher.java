package dev.primary.server.http;

import dev.primary.server.audit.AuditSource;
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
    private static final byte[] NO_BODY = new byte[0];
    /**
     * The largest body an {@link AtOnceHandler} is given: parsing it holds an event loop, so a larger one (a check-in
     * is a few hundred bytes; {@code max-body} allows up to 16 MiB) goes to a worker without being tried at once.
     */
    static final int AT_ONCE_MAX_BODY = 8 * 1024;

    private volatile RouteTable routes;

    RequestDispatcher(RouteTable routes) {
        this.routes = routes;
    }

    /** Serves {@code next} from now on (the admin port serves its health routes alone while the server starts). */
    void serve(RouteTable next) {
        routes = next;
    }

    /** The routes served now. */
    RouteTable routes() {
        return routes;
    }

    Reply dispatch(String method, String uri, HttpHeaders headers, byte[] body, String remoteAddress) {
        String path = pathOf(uri);
        try {
            RouteTable current = routes;
            Request request = filtered(current, method, uri, headers, body, remoteAddress);
            RouteTable.Match<Handler> match = current.resolve(method, request.path());
            if (body.length > 0 && !ConsoleRoutes.isConsole(request.path())) {
                requireJson(headers);
            }
            Request routed = request.withPathParameters(match.parameters());
            return AuditSource.during(remoteAddress, () -> match.handler().handle(routed));
        } catch (RuntimeException e) {
            return ProblemResponses.of(e, method, path);
        }
    }

    /**
     * The reply of the route's {@link AtOnceHandler}, run on the calling thread (the event loop): filter, content type
     * and handler as in {@link #dispatch}. {@code null} when the route has none, the body is over
     * {@link #AT_ONCE_MAX_BODY}, the handler declined, or anything threw; then
     * {@link #dispatch} answers the request on a worker, from the start.
     */
    Reply tryAtOnce(String method, String uri, HttpHeaders headers, byte[] body, String remoteAddress) {
        RouteTable current = routes;
        AtOnceHandler handler = body.length > AT_ONCE_MAX_BODY ? null : current.atOnce(method, pathOf(uri));
        if (handler == null) {
            return null;
        }
        try {
            Request request = filtered(current, method, uri, headers, body, remoteAddress);
            if (body.length > 0) {
                requireJson(headers);
            }
            return AuditSource.during(remoteAddress, () -> handler.tryAtOnce(request)).orElse(null);
        } catch (RuntimeException | Error e) {
            return null;
        }
    }

    /** Whether this request's body is to be streamed to an upload handler (decided on the event loop, from the head). */
    boolean isUpload(String method, String uri) {
        return routes.isUpload(method, new QueryStringDecoder(uri).rawPath());
    }

    /**
     * The first step of an upload, once its head has arrived: filter (authentication), route, then the
     * handler opens the sink its body goes to. {@code Content-Length} is required.
     */
    UploadDecision beginUpload(String method, String uri, HttpHeaders headers, String remoteAddress) {
        String path = pathOf(uri);
        try {
            RouteTable current = routes;
            Request head = filtered(current, method, uri, headers, NO_BODY, remoteAddress);
            RouteTable.Match<UploadHandler> match = current.resolveUpload(method, head.path());
            long contentLength = contentLength(headers);
            return new UploadDecision.Accepted(
                    match.handler().begin(head.withPathParameters(match.parameters()), contentLength));
        } catch (RuntimeException e) {
            return new UploadDecision.Refused(ProblemResponses.of(e, method, path));
        }
    }

    /** The request as a handler sees it (path parameters aside), once {@code current}'s filter let it through. */
    private static Request filtered(RouteTable current, String method, String uri, HttpHeaders headers, byte[] body,
            String remoteAddress) {
        QueryStringDecoder decoder = new QueryStringDecoder(uri);
        Request request = new Request(method, decoder.rawPath(), Map.of(), decoder.parameters(), headers, body,
                remoteAddress);
        current.filter().check(request);
        return request;
    }

    private static long contentLength(HttpHeaders headers) {
        String text = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        if (text == null || headers.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            throw new LengthRequiredException();
        }
        try {
            long length = Long.parseLong(text.strip());
            if (length < 0) {
                throw new NumberFormatException();
            }
            return length;
        } catch (NumberFormatException e) {
            throw new MalformedHttpException("Content-Length must be a whole number of bytes, got \"" + text + "\"");
        }
    }

    private static void requireJson(HttpHeaders headers) {
        String contentType = headers.get(HttpHeaderNames.CONTENT_TYPE, "");
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip()
                .toLowerCase(Locale.ROOT);
        if (!mediaType.equals(Response.JSON)) {
            throw new UnsupportedMediaTypeException(contentType);
        }
    }

    static String pathOf(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }
}
