package dev.primary.bench.fleet.scenario;

import dev.primary.bench.fleet.transport.ConnectionMode;
import java.util.Objects;

/**
 * How a phase drives the server.
 *
 * @param concurrency exchanges in flight at once (lanes)
 * @param mode connection reuse, or a fresh connection per request
 * @param resumption on fresh connections: offer the client's TLS session ticket (resumed handshake) or not (full)
 */
public record LoadShape(int concurrency, ConnectionMode mode, boolean resumption) {
    public LoadShape {
        Objects.requireNonNull(mode, "mode");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
    }

    /** {@code reuse}, {@code fresh-resumed} or {@code fresh-full}: the variant's name in results. */
    public String variant() {
        if (mode == ConnectionMode.REUSE) {
            return "reuse";
        }
        return resumption ? "fresh-resumed" : "fresh-full";
    }
}
