package dev.primary.server.http;

import dev.primary.protocol.admin.ServerStatus;
import dev.primary.protocol.admin.TrafficCounters;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.server.console.ServerModel;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The server page ({@code /console/server}): version, installation, client endpoint, TLS pin, public key, store,
 * the client port's counters and readiness, read where {@code GET /admin/v1/server}, {@code GET /admin/v1/counters}
 * and {@code GET /health/ready} read them (viewer). It shows nothing secret.
 */
final class ConsoleServerPages {
    static final String PATH = ConsoleRoutes.PREFIX + "/server";

    private final ConsoleTemplates templates;
    private final Sources sources;

    private ConsoleServerPages(ConsoleTemplates templates, Sources sources) {
        this.templates = templates;
        this.sources = sources;
    }

    static void addTo(RouteTable.Builder routes, ConsoleGuard guard, ConsoleTemplates templates, Sources sources) {
        ConsoleServerPages pages = new ConsoleServerPages(templates, sources);
        routes.get(PATH, guard.page(pages::server));
    }

    private Reply server(Request request, ConsoleSession session) {
        AdminApiCall.authorize(session.caller(), "GET", "/admin/v1/server");
        AdminApiCall.authorize(session.caller(), "GET", "/admin/v1/counters");
        ServerStatus status = sources.status().get();
        Readiness.Report report = sources.readiness().report();
        return templates.page("server.jte", new ServerModel(ConsoleRoutes.frame(session, "Server", "server"), status,
                PublicKey.decode(status.serverKey()).keyId(), sources.traffic().get(), report.ready(), List.of(
                        new ServerModel.Check("Keys loaded", report.keysLoaded()),
                        new ServerModel.Check("Store open", report.storeOpen()),
                        new ServerModel.Check("Client port listening", report.clientPortOpen()),
                        new ServerModel.Check("Not stopping", !report.stopping()))));
    }

    /**
     * Where the page reads: the suppliers the admin routes answer {@code /admin/v1/server} and
     * {@code /admin/v1/counters} from, and the readiness of {@code /health/ready}.
     */
    record Sources(Supplier<ServerStatus> status, Supplier<TrafficCounters> traffic, Readiness readiness) {
        Sources {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(traffic, "traffic");
            Objects.requireNonNull(readiness, "readiness");
        }
    }
}
