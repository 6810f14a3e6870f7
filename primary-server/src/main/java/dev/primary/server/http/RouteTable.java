package dev.primary.server.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The routes of one listener: method + path pattern ({@code /admin/v1/licenses/{serial}}) → handler,
 * plus a filter that runs before routing. When several patterns match a path, the one with fewest
 * parameters wins, so {@code /computers/reserve} beats {@code /computers/{computer}}.
 */
public final class RouteTable {
    private final List<Route> routes;
    private final RequestFilter filter;

    private RouteTable(List<Route> routes, RequestFilter filter) {
        this.routes = List.copyOf(routes);
        this.filter = filter;
    }

    public static Builder builder() {
        return new Builder();
    }

    RequestFilter filter() {
        return filter;
    }

    /** The handler for {@code method} on {@code rawPath}, with its decoded path parameters. */
    Match resolve(String method, String rawPath) {
        List<String> segments = segmentsOf(rawPath);
        TreeSet<String> allowed = new TreeSet<>();
        Optional<Match> best = Optional.empty();
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = route.match(segments);
            if (parameters.isEmpty()) {
                continue;
            }
            allowed.add(route.method());
            if (route.method().equals(method)) {
                Match candidate = new Match(route.handler(), parameters.get());
                best = best.filter(current -> current.parameters().size() <= candidate.parameters().size())
                        .or(() -> Optional.of(candidate));
            }
        }
        if (best.isPresent()) {
            return best.get();
        }
        if (allowed.isEmpty()) {
            throw new RouteNotFoundException(rawPath);
        }
        throw new MethodNotAllowedException(method, rawPath, allowed);
    }

    private static List<String> segmentsOf(String path) {
        if (!path.startsWith("/")) {
            return List.of();
        }
        return Arrays.asList(path.substring(1).split("/", -1));
    }

    /** A route's handler and the decoded values of its {@code {name}} segments. */
    record Match(Handler handler, Map<String, String> parameters) {
    }

    private record Route(String method, List<String> pattern, Handler handler) {
        Optional<Map<String, String>> match(List<String> segments) {
            if (segments.size() != pattern.size()) {
                return Optional.empty();
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < pattern.size(); i++) {
                String expected = pattern.get(i);
                String actual = segments.get(i);
                if (expected.startsWith("{") && expected.endsWith("}")) {
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
        private final List<Route> routes = new ArrayList<>();
        private RequestFilter filter = request -> { };

        private Builder() {}

        public Builder before(RequestFilter value) {
            filter = value;
            return this;
        }

        public Builder get(String pattern, Handler handler) {
            return add("GET", pattern, handler);
        }

        public Builder post(String pattern, Handler handler) {
            return add("POST", pattern, handler);
        }

        private Builder add(String method, String pattern, Handler handler) {
            if (!pattern.startsWith("/")) {
                throw new IllegalArgumentException("a route pattern starts with /, got " + pattern);
            }
            routes.add(new Route(method, segmentsOf(pattern), handler));
            return this;
        }

        public RouteTable build() {
            return new RouteTable(routes, filter);
        }
    }
}
