package dev.primary.server.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The routes of the admin port that need no admin token: liveness, readiness (for load balancers and
 * orchestrators) and the Prometheus scrape. None of them answers anything secret.
 */
public final class HealthRoutes {
    /** The paths these routes answer; the admin token is not asked for on them. */
    static final Set<String> OPEN_PATHS = Set.of("/health/live", "/health/ready", "/metrics");
    /** The Prometheus text exposition format, version 0.0.4. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private HealthRoutes() {}

    /**
     * Adds {@code GET /health/live}, {@code GET /health/ready} and {@code GET /metrics} to {@code routes}.
     *
     * @param scrape the metrics in the Prometheus text format, read at each request
     */
    public static RouteTable.Builder addTo(RouteTable.Builder routes, Readiness readiness, Supplier<String> scrape) {
        return routes
                .get("/health/live", request -> Response.json(Map.of("status", "live")))
                .get("/health/ready", request -> {
                    Readiness.Report report = readiness.report();
                    return Response.json(report.ready() ? 200 : 503, report);
                })
                .get("/metrics", request -> new Response(200, PROMETHEUS_TEXT,
                        scrape.get().getBytes(StandardCharsets.UTF_8), Map.of()));
    }

    /** The routes the admin port serves while the server is still starting: only these. */
    public static RouteTable starting(Readiness readiness, Supplier<String> scrape) {
        return addTo(RouteTable.builder(), readiness, scrape).build();
    }

    /** {@code filter}, except on the open paths of these routes. */
    static RequestFilter exceptOnOpenPaths(RequestFilter filter) {
        return request -> {
            if (!OPEN_PATHS.contains(request.path())) {
                filter.check(request);
            }
        };
    }
}
