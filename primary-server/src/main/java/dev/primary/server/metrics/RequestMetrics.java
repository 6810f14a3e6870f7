package dev.primary.server.metrics;

import dev.primary.server.http.RequestObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code primary_http_requests_total{listener, method, route, outcome}}: the answers of one listener, by declared
 * route pattern (never the raw path, so the label set stays bounded) and outcome; and
 * {@code primary_package_served_bytes_total{listener}} with {@code primary_package_bodies_total{listener, outcome}}:
 * the package bytes handed to clients, and the package bodies sent whole ({@code complete}) or cut short by the
 * connection ({@code interrupted}, counting the bytes read for it up to then).
 */
public final class RequestMetrics implements RequestObserver {
    private final MeterRegistry registry;
    private final String listener;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Counter packageBytes;
    private final Counter completeBodies;
    private final Counter interruptedBodies;

    public RequestMetrics(MeterRegistry registry, String listener) {
        this.registry = registry;
        this.listener = listener;
        this.packageBytes = Counter.builder("primary.package.served")
                .description("bytes of package bodies handed to clients").baseUnit("bytes")
                .tag("listener", listener).register(registry);
        this.completeBodies = packageBodies(registry, listener, "complete");
        this.interruptedBodies = packageBodies(registry, listener, "interrupted");
    }

    private static Counter packageBodies(MeterRegistry registry, String listener, String outcome) {
        return Counter.builder("primary.package.bodies")
                .description("package bodies sent, whole or cut short by the connection")
                .tag("listener", listener).tag("outcome", outcome).register(registry);
    }

    @Override
    public void answered(String method, String route, int status) {
        String outcome = outcomeOf(status);
        counters.computeIfAbsent(method + ' ' + route + ' ' + outcome, key -> Counter.builder("primary.http.requests")
                .description("requests answered, by route and outcome")
                .tag("listener", listener).tag("method", method).tag("route", route).tag("outcome", outcome)
                .register(registry)).increment();
    }

    @Override
    public void fileBytesSent(long bytes, boolean complete) {
        packageBytes.increment(bytes);
        (complete ? completeBodies : interruptedBodies).increment();
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
