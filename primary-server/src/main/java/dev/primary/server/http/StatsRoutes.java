package dev.primary.server.http;

import dev.primary.server.stats.Statistics;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code /admin/v1/stats}: what the Control Center's charts read (docs/admin-api.md, "Statistics"). Reads only, for
 * every role from viewer up ({@link AdminAccessPolicy}).
 */
final class StatsRoutes {
    static final String PATH = "/admin/v1/stats";

    private StatsRoutes() {}

    static void addTo(RouteTable.Builder routes, Statistics statistics) {
        routes.get(PATH + "/hourly", request -> Response.json(statistics.hourly(instant(request, "from"),
                        instant(request, "to"))))
                .get(PATH + "/recorder-versions", request -> Response.json(statistics.recorderVersions()))
                .get(PATH + "/rollouts/{id}", request -> Response.json(statistics.rollout(rolloutId(request))));
    }

    /** The ISO-8601 instant in query parameter {@code name}; {@code null} when it is absent or empty. */
    private static Instant instant(Request request, String name) {
        String text = request.queryParameter(name).map(String::strip).orElse("");
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedParameterException(name + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z,"
                    + " got \"" + text + "\"");
        }
    }

    private static long rolloutId(Request request) {
        String text = request.pathParameter("id");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new MalformedParameterException("rollout id must be a whole number, got \"" + text + "\"");
        }
    }
}
