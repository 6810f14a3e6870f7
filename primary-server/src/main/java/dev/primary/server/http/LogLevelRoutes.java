package dev.primary.server.http;

import dev.primary.protocol.admin.LogLevelChange;
import dev.primary.server.audit.AuditAction;
import dev.primary.server.licensing.Administration;
import dev.primary.server.logging.RunningLogLevel;

/**
 * {@code GET} and {@code POST /admin/v1/log-level}: the running server's log level, read and changed. A change is
 * written to the audit trail (actor, old and new level) before it takes effect, and lasts until the server restarts.
 */
final class LogLevelRoutes {
    static final String PATH = "/admin/v1/log-level";
    /** The audit trail's subject of a change. */
    static final String SUBJECT = "log level";

    private LogLevelRoutes() {}

    static void addTo(RouteTable.Builder routes, RunningLogLevel logLevel, Administration admin) {
        routes.get(PATH, request -> Response.json(logLevel.view()))
                .post(PATH, request -> {
                    LogLevelChange change = request.bodyAs(LogLevelChange.class);
                    logLevel.change(change.logLevel(), (before, after, configured) -> admin.recordChange(
                            AuditAction.LOG_LEVEL_CHANGED, SUBJECT, before.wireName() + " -> " + after.wireName()
                                    + " until the server restarts (configured: " + configured.wireName() + ")",
                            request.actor()));
                    return Response.json(logLevel.view());
                });
    }
}
