package dev.primary.server.metrics;

import dev.primary.protocol.admin.LicenseSummary;
import dev.primary.protocol.admin.TrafficCounters;
import dev.primary.server.http.TrafficCount;
import dev.primary.server.licensing.Administration;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * The fleet's figures, bound to what the server already counts (nothing is counted twice): the client port's
 * answers by kind ({@link TrafficCount}, as in {@code GET /admin/v1/counters}) and the seats by state and the
 * waiting queue (the License Summary, read at each scrape).
 */
public final class FleetMetrics {
    private FleetMetrics() {}

    public static void bind(MeterRegistry registry, TrafficCount clientTraffic, Administration administration) {
        counter(registry, clientTraffic, "primary.registrations", "registrations answered with success",
                TrafficCounters::registrations);
        counter(registry, clientTraffic, "primary.verifications", "verifications (check-ins) answered with success",
                TrafficCounters::verifications);
        counter(registry, clientTraffic, "primary.reports", "update reports answered with success",
                TrafficCounters::reports);
        counter(registry, clientTraffic, "primary.package.downloads", "package downloads answered with success",
                TrafficCounters::packageDownloads);
        counter(registry, clientTraffic, "primary.refused.busy", "requests refused with 503, server busy",
                TrafficCounters::busyRefusals);
        counter(registry, clientTraffic, "primary.refused.rate.limited", "requests refused with 429",
                TrafficCounters::rateLimited);
        counter(registry, clientTraffic, "primary.refused.connections", "connections closed over a connection cap",
                TrafficCounters::refusedConnections);
        counter(registry, clientTraffic, "primary.timed.out.requests", "connections closed at a read deadline",
                TrafficCounters::timedOutRequests);
        seats(registry, administration, "granted", LicenseSummary::licenses);
        seats(registry, administration, "used", LicenseSummary::used);
        seats(registry, administration, "active", LicenseSummary::active);
        seats(registry, administration, "reserved", LicenseSummary::reserved);
        Gauge.builder("primary.waiting.computers", administration, admin -> admin.summary().waiting())
                .description("computers queued for a seat").register(registry);
    }

    private static void counter(MeterRegistry registry, TrafficCount traffic, String name, String description,
            ToDoubleFunction<TrafficCounters> figure) {
        FunctionCounter.builder(name, traffic, count -> figure.applyAsDouble(count.snapshot()))
                .description(description).register(registry);
    }

    private static void seats(MeterRegistry registry, Administration administration, String state,
            ToIntFunction<LicenseSummary> figure) {
        Gauge.builder("primary.seats", administration, admin -> figure.applyAsInt(admin.summary()))
                .description("seats by state, as in the License Summary").tag("state", state).register(registry);
    }
}
