package dev.primary.server.http;

import dev.primary.protocol.admin.AuditEntry;
import dev.primary.server.audit.AuditAction;
import dev.primary.server.audit.AuditFilter;
import dev.primary.server.console.AuditModel;
import dev.primary.server.console.AuditQuery;
import dev.primary.server.console.ConsoleFrame;
import dev.primary.server.licensing.Administration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The audit trail ({@code /console/audit}): who did what, when, to what, newest first, {@link AuditQuery#PAGE_SIZE}
 * entries a page with the filters of {@code GET /admin/v1/audit}; and its CSV export for the session
 * ({@code /console/audit.csv}), the same answer as {@code GET /admin/v1/audit.csv}. Both read-only (viewer).
 */
final class ConsoleAuditPages {
    static final String PATH = ConsoleRoutes.PREFIX + "/audit";
    private static final List<String> ACTIONS = Arrays.stream(AuditAction.values()).map(AuditAction::wireName)
            .sorted().toList();

    private final ConsoleTemplates templates;
    private final Administration admin;

    private ConsoleAuditPages(ConsoleTemplates templates, Administration admin) {
        this.templates = templates;
        this.admin = admin;
    }

    static void addTo(RouteTable.Builder routes, ConsoleGuard guard, ConsoleTemplates templates, Administration admin) {
        ConsoleAuditPages pages = new ConsoleAuditPages(templates, admin);
        routes.get(PATH, guard.page(pages::trail))
                .get(PATH + ".csv", guard.page(pages::csv));
    }

    private Reply trail(Request request, ConsoleSession session) {
        AdminApiCall.authorize(session.caller(), "GET", "/admin/v1/audit");
        ConsoleFrame frame = ConsoleRoutes.frame(session, "Audit", "audit");
        AuditQuery query = queryOf(request);
        try {
            AuditFilter filter = AuditRoutes.filterOf(request);
            long before = QueryParameters.wholeNumber(request, "before", 0, 0, Long.MAX_VALUE);
            List<AuditEntry> entries = admin.audit(filter, before, AuditQuery.PAGE_SIZE + 1);
            boolean older = entries.size() > AuditQuery.PAGE_SIZE;
            return templates.page("audit.jte", new AuditModel(frame, older
                    ? entries.subList(0, AuditQuery.PAGE_SIZE) : entries, query, older, ACTIONS));
        } catch (MalformedParameterException e) {
            return templates.page(400, "audit.jte", new AuditModel(frame.withError(e.getMessage()), List.of(),
                    query.newest(), false, ACTIONS), Map.of());
        }
    }

    private Reply csv(Request request, ConsoleSession session) {
        AdminApiCall.authorize(session.caller(), "GET", "/admin/v1/audit.csv");
        Response csv = AuditRoutes.csv(admin.auditExport(AuditRoutes.filterOf(request),
                QueryParameters.wholeNumber(request, "before", 0, 0, Long.MAX_VALUE)));
        return new Response(csv.status(), csv.contentType(), csv.body(), ConsoleSecurity.headers(csv.headers()));
    }

    /** The form's fields as typed (the page shows them again, also when one is refused). */
    private static AuditQuery queryOf(Request request) {
        return new AuditQuery(field(request, "actor"), field(request, "action"), field(request, "computer"),
                field(request, "from"), field(request, "to"),
                request.queryParameter("before").map(String::strip).filter(text -> text.matches("[0-9]{1,18}"))
                        .map(Long::parseLong).orElse(0L));
    }

    private static String field(Request request, String name) {
        return request.queryParameter(name).map(String::strip).orElse("");
    }
}
