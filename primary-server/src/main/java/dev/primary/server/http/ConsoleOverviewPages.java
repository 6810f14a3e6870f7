package dev.primary.server.http;

import dev.primary.server.console.ConsoleFrame;
import dev.primary.server.console.OverviewModel;
import dev.primary.server.stats.Statistics;
import java.util.Optional;

/**
 * The Overview ({@code /console/overview}): the charts of the server's statistics, drawn on the server as SVG — seats
 * used and check-ins per hour over the last seven days ({@code GET /admin/v1/stats/hourly}) and the fleet's Recorder
 * versions ({@code GET /admin/v1/stats/recorder-versions}). A store without statistics gets a page that says so.
 */
final class ConsoleOverviewPages {
    static final String PATH = ConsoleRoutes.PREFIX + "/overview";

    private final ConsoleTemplates templates;
    private final Optional<Statistics> statistics;

    private ConsoleOverviewPages(ConsoleTemplates templates, Optional<Statistics> statistics) {
        this.templates = templates;
        this.statistics = statistics;
    }

    static void addTo(RouteTable.Builder routes, ConsoleGuard guard, ConsoleTemplates templates,
            Optional<Statistics> statistics) {
        ConsoleOverviewPages pages = new ConsoleOverviewPages(templates, statistics);
        routes.get(PATH, guard.page(pages::overview));
    }

    private Reply overview(Request request, ConsoleSession session) {
        AdminApiCall.authorize(session.caller(), "GET", StatsRoutes.PATH + "/hourly");
        AdminApiCall.authorize(session.caller(), "GET", StatsRoutes.PATH + "/recorder-versions");
        ConsoleFrame frame = ConsoleRoutes.frame(session, "Overview", "overview");
        OverviewModel model = statistics.map(present -> OverviewModel.of(frame, present.hourly(null, null),
                present.recorderVersions())).orElseGet(() -> OverviewModel.withoutStatistics(frame));
        return templates.page("overview.jte", model);
    }
}
