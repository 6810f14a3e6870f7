package dev.primary.server.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The routes of one listener: method + path pattern ({@code /admin/v1/licenses/{serial}}) → handler,
 * plus a filter that runs before routing. When several patterns match a path, the one with fewest
 * parameters wins, so {@code /computers/reserve} beats {@code /computers/{computer}}. Upload routes
 * ({@link Builder#upload}) take their body streamed instead of whole.
 *
 * <p>A path that is exactly a pattern without parameters ({@code POST /v1/verify}, the routes a fleet calls) is
 * found by one map look-up; only other paths are matched segment by segment. The answer is the same either way: a
 * pattern without parameters has the fewest there can be, and the first one declared wins, as in the scan.
 */
public final class RouteTable {
    private final List<Route<Handler>> routes;
    private final List<Route<UploadHandler>> uploads;
    private final RequestFilter filter;
    /** {@code METHOD /path} → the first handler route declared with exactly that pattern and no parameters. */
    private final Map<String, Route<Handler>> exactRoutes = new HashMap<>();
    /** {@code METHOD /path} → the label of the first route of any kind declared so ({@link #routeOf}). */
    private final Map<String, String> exactLabels = new HashMap<>();
    private final Set<String> uploadMethods = new HashSet<>();

    private RouteTable(List<Route<Handler>> routes, List<Route<UploadHandler>> uploads, RequestFilter filter) {
        this.routes = List.copyOf(routes);
        this.uploads = List.copyOf(uploads);
        this.filter = filter;
        for (Route<Handler> route : this.routes) {
            if (route.withoutParameters()) {
                exactRoutes.putIfAbsent(route.key(), route);
            }
        }
        for (Route<?> route : allRoutes()) {
            if (route.withoutParameters()) {
                exactLabels.putIfAbsent(route.key(), route.label());
            }
        }
        this.uploads.forEach(route -> uploadMethods.add(route.method()));
    }

    public static Builder builder() {
        return new Builder();
    }

    RequestFilter filter() {
        return filter;
    }

    /**
     * The declared pattern that answers {@code method} on {@code rawPath} ({@code /v1/packages/{sha256}}), or
     * {@code other} when none does: a route label of bounded cardinality for metrics.
     */
    String routeOf(String method, String rawPath) {
        String exact = exactLabels.get(method + " " + rawPath);
        if (exact != null) {
            return exact;
        }
        List<String> segments = segmentsOf(rawPath);
        Route<?> best = null;
        int fewest = Integer.MAX_VALUE;
        for (Route<?> route : allRoutes()) {
            if (route.method().equals(method)) {
                Optional<Map<String, String>> parameters = route.match(segments);
                if (parameters.isPresent() && parameters.get().size() < fewest) {
                    best = route;
                    fewest = parameters.get().size();
                }
            }
        }
        return best == null ? "other" : best.label();
    }

    /** The upload handler for {@code method} on {@code rawPath}. */
    Match<UploadHandler> resolveUpload(String method, String rawPath) {
        return resolve(uploads, method, rawPath);
    }

    /** Whether a request's body goes to an upload handler, streamed, rather than being read whole first. */
    boolean isUpload(String method, String rawPath) {
        if (!uploadMethods.contains(method)) {
            return false;
        }
        List<String> segments = segmentsOf(rawPath);
        return uploads.stream().anyMatch(route -> route.method().equals(method) && route.match(segments).isPresent());
    }

    /**
     * The {@link AtOnceHandler} of the route that answers {@code method} on exactly {@code rawPath}, or {@code null}
     * when that route has none (or no route has that path without parameters).
     */
    AtOnceHandler atOnce(String method, String rawPath) {
        Route<Handler> exact = exactRoutes.get(method + " " + rawPath);
        return exact != null && exact.handler() instanceof WithAtOnce both ? both.atOnce() : null;
    }

    /** The handler for {@code method} on {@code rawPath}, with its decoded path parameters. */
    Match<Handler> resolve(String method, String rawPath) {
        Route<Handler> exact = exactRoutes.get(method + " " + rawPath);
        if (exact != null) {
            return new Match<>(exact.handler(), Map.of());
        }
        return resolve(routes, method, rawPath);
    }

    private <H> Match<H> resolve(List<Route<H>> candidates, String method, String rawPath) {
        List<String> segments = segmentsOf(rawPath);
        Optional<Match<H>> best = Optional.empty();
        for (Route<H> route : candidates) {
            Optional<Map<String, String>> parameters = route.match(segments);
            if (parameters.isPresent() && route.method().equals(method)) {
                Match<H> candidate = new Match<>(route.handler(), parameters.get());
                best = best.filter(current -> current.parameters().size() <= candidate.parameters().size())
                        .or(() -> Optional.of(candidate));
            }
        }
        if (best.isPresent()) {
            return best.get();
        }
        TreeSet<String> allowed = new TreeSet<>();
        for (Route<?> route : allRoutes()) {
            route.match(segments).ifPresent(parameters -> allowed.add(route.method()));
        }
        if (allowed.isEmpty()) {
            throw new RouteNotFoundException(rawPath);
        }
        throw new MethodNotAllowedException(method, rawPath, allowed);
    }

    /**
     * Every route, as {@code METHOD /pattern} ({@code GET /v1/packages/{sha256}}), in the order declared; read-only,
     * for checking that the documentation names them all.
     */
    List<String> declared() {
        return allRoutes().stream().map(Route::key).toList();
    }

    private List<Route<?>> allRoutes() {
        List<Route<?>> all = new ArrayList<>(routes);
        all.addAll(uploads);
        return all;
    }

    private static List<String> segmentsOf(String path) {
        if (!path.startsWith("/")) {
            return List.of();
        }
        return Arrays.asList(path.substring(1).split("/", -1));
    }

    /** A route's handler with the at-once handler declared beside it; routed and run as the handler itself. */
    private record WithAtOnce(Handler handler, AtOnceHandler atOnce) implements Handler {
        @Override
        public Reply handle(Request request) {
            return handler.handle(request);
        }
    }

    /** A route's handler and the decoded values of its {@code {name}} segments. */
    record Match<H>(H handler, Map<String, String> parameters) {
    }

    private record Route<H>(String method, List<String> pattern, H handler) {
        /** The pattern as declared: {@code /v1/packages/{sha256}}. */
        String label() {
            return "/" + String.join("/", pattern);
        }

        /** {@code METHOD /pattern}. */
        String key() {
            return method + " " + label();
        }

        boolean withoutParameters() {
            return pattern.stream().noneMatch(Route::isParameter);
        }

        static boolean isParameter(String segment) {
            return segment.startsWith("{") && segment.endsWith("}");
        }

        Optional<Map<String, String>> match(List<String> segments) {
            if (segments.size() != pattern.size()) {
                return Optional.empty();
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < pattern.size(); i++) {
                String expected = pattern.get(i);
                String actual = segments.get(i);
                if (isParameter(expected)) {
                    if (actual.isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(expected.substring(1, expected.length() - 1),
                            QueryStringDecoder.decodeComponent(actual));
                } else if (!expected.equals(actual)) {
                    return Optional.empty();
                }
            }
            return Optional.of(parameters);
        }
    }

    /** Declares the routes of one listener. */
    public static final class Builder {
        private final List<Route<Handler>> routes = new ArrayList<>();
        private final List<Route<UploadHandler>> uploads = new ArrayList<>();
        private RequestFilter filter = request -> { };

        private Builder() {}

        public Builder before(RequestFilter value) {
            filter = value;
            return this;
        }

        public Builder get(String pattern, Handler handler) {
            routes.add(new Route<>("GET", checked(pattern), handler));
            return this;
        }

        public Builder post(String pattern, Handler handler) {
            routes.add(new Route<>("POST", checked(pattern), handler));
            return this;
        }

        /**
         * A {@code POST} that {@code atOnce} answers on the network thread when it can, and {@code handler} on a worker
         * otherwise ({@link AtOnceHandler}); only for a path without parameters, the routes a fleet calls most.
         */
        public Builder post(String pattern, Handler handler, AtOnceHandler atOnce) {
            List<String> segments = checked(pattern);
            if (segments.stream().anyMatch(Route::isParameter)) {
                throw new IllegalArgumentException("an at-once route has a path without parameters, got " + pattern);
            }
            routes.add(new Route<>("POST", segments,
                    new WithAtOnce(Objects.requireNonNull(handler, "handler"), Objects.requireNonNull(atOnce, "atOnce"))));
            return this;
        }

        /** A {@code PUT} whose body is streamed into the {@link UploadSink} that {@code handler} opens. */
        public Builder upload(String pattern, UploadHandler handler) {
            uploads.add(new Route<>("PUT", checked(pattern), handler));
            return this;
        }

        private static List<String> checked(String pattern) {
            if (!pattern.startsWith("/")) {
                throw new IllegalArgumentException("a route pattern starts with /, got " + pattern);
            }
            return segmentsOf(pattern);
        }

        public RouteTable build() {
            return new RouteTable(routes, uploads, filter);
        }
    }
}
