package dev.primary.server.metrics;

import dev.primary.server.http.RequestObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code primary_http_requests_total{listener, method, route, outcome}}: the answers of one listener, by declared
 * route pattern (never the raw path, so the label set stays bounded) and outcome.
 */
public final class RequestMetrics implements RequestObserver {
    private final MeterRegistry registry;
    private final String listener;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public RequestMetrics(MeterRegistry registry, String listener) {
        this.registry = registry;
        this.listener = listener;
    }

    @Override
    public void answered(String method, String route, int status) {
        String outcome = outcomeOf(status);
        counters.computeIfAbsent(method + ' ' + route + ' ' + outcome, key -> Counter.builder("primary.http.requests")
                .description("requests answered, by route and outcome")
                .tag("listener", listener).tag("method", method).tag("route", route).tag("outcome", outcome)
                .register(registry)).increment();
    }

    /** {@code ok} (1xx–3xx), {@code rate_limited} (429), {@code client_error} (other 4xx), {@code busy} (503), {@code server_error}. */
    static String outcomeOf(int status) {
        if (status < 400) {
            return "ok";
        }
        if (status == 429) {
            return "rate_limited";
        }
        if (status < 500) {
            return "client_error";
        }
        return status == 503 ? "busy" : "server_error";
    }
}
