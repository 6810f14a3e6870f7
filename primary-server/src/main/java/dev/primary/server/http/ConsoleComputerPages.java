package dev.primary.server.http;

import dev.primary.protocol.admin.AuditEntry;
import dev.primary.protocol.admin.ComputerAction;
import dev.primary.protocol.admin.ComputerPage;
import dev.primary.protocol.admin.ComputerQuery;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.GroupAssignment;
import dev.primary.protocol.json.Json;
import dev.primary.server.PrimaryException;
import dev.primary.server.console.ComputerFilter;
import dev.primary.server.console.ComputerModel;
import dev.primary.server.console.ComputersModel;
import dev.primary.server.console.ConsoleFrame;
import dev.primary.server.console.ConsoleText;
import dev.primary.server.licensing.Administration;
import java.util.List;
import java.util.Map;

/**
 * Manage Computers ({@code /console/computers}: one page of {@link ComputerFilter#PAGE_SIZE} rows of the same
 * {@link ComputerQuery} as {@code GET /admin/v1/computers}) and a computer's page with its actions, each a POST run
 * as its REST route ({@code POST /console/computers/reserve} as {@code POST /admin/v1/computers/reserve}).
 */
final class ConsoleComputerPages {
    static final String PATH = ConsoleRoutes.PREFIX + "/computers";
    /** The audit entries a computer's page searches for its own, newest first. */
    static final int AUDIT_SCANNED = 1000;
    /** The audit entries a computer's page shows at most. */
    static final int AUDIT_SHOWN = 50;
    private static final Map<String, String> DONE = Map.of(
            "reserve", "Reserved a seat.", "release", "Released the seat.", "revoke", "Revoked.",
            "reinstate", "Reinstated: it registers anew at its next contact.", "verify-license", "Verified the license.",
            "update-now", "Asked the computer to check in now.", "group", "Changed the group.");

    private final ConsoleTemplates templates;
    private final Administration admin;
    private final AdminApiCall api;

    private ConsoleComputerPages(ConsoleTemplates templates, Administration admin, AdminApiCall api) {
        this.templates = templates;
        this.admin = admin;
        this.api = api;
    }

    static void addTo(RouteTable.Builder routes, ConsoleGuard guard, ConsoleTemplates templates, Administration admin,
            AdminApiCall api) {
        ConsoleComputerPages pages = new ConsoleComputerPages(templates, admin, api);
        routes.get(PATH, guard.page(pages::list))
                .get(PATH + "/{computer}", guard.page(pages::computer))
                .post(PATH + "/{action}", guard.action(pages::act));
    }

    private Reply list(Request request, ConsoleSession session) {
        AdminApiCall.authorize(session.caller(), "GET", "/admin/v1/computers");
        ConsoleFrame frame = ConsoleRoutes.frame(session, "Manage Computers", "computers");
        ComputerFilter filter = new ComputerFilter(request.queryParameter("search").orElse("").strip(),
                request.queryParameter("state").orElse("").strip(),
                request.queryParameter("sort").filter(text -> !text.isBlank()).orElse("name"),
                request.queryParameter("order").orElse("").equals("desc"),
                (int) QueryParameters.wholeNumber(request, "offset", 0, 0, Integer.MAX_VALUE));
        try {
            ComputerQuery query = new ComputerQuery(filter.search(),
                    filter.state().isEmpty() ? null : ComputerState.fromWire(filter.state()),
                    ComputerQuery.Sort.parse(filter.sort()), filter.descending(), filter.offset(),
                    ComputerFilter.PAGE_SIZE);
            return templates.page("computers.jte", new ComputersModel(frame, admin.computers(query), filter,
                    admin.summary()));
        } catch (IllegalArgumentException e) {
            ComputerFilter shown = new ComputerFilter(filter.search(), "", "name", false, 0);
            return templates.page(400, "computers.jte", new ComputersModel(frame.withError(e.getMessage()),
                    new ComputerPage(0, 0, ComputerFilter.PAGE_SIZE, List.of()), shown, admin.summary()), Map.of());
        }
    }

    private Reply computer(Request request, ConsoleSession session) {
        AdminApiCall.authorize(session.caller(), "GET", "/admin/v1/computers/{computer}");
        String name = request.pathParameter("computer");
        ConsoleFrame frame = ConsoleRoutes.frame(session, name, "computers");
        String done = request.queryParameter("done").map(DONE::get).orElse("");
        boolean confirmRevoke = request.queryParameter("confirm").filter("revoke"::equals).isPresent();
        return computerPage(200, session, admin.computer(name), frame.withNotice(done), confirmRevoke);
    }

    private Response computerPage(int status, ConsoleSession session, ComputerView computer, ConsoleFrame frame,
            boolean confirmRevoke) {
        String display = computer.computer().display();
        List<AuditEntry> audit = admin.audit(0, AUDIT_SCANNED).stream()
                .filter(entry -> display.equalsIgnoreCase(entry.subject())).limit(AUDIT_SHOWN).toList();
        boolean operator = AdminApiCall.allowed(session.caller(), "POST", "/admin/v1/computers/reserve");
        return templates.page(status, "computer.jte",
                new ComputerModel(frame, computer, audit, confirmRevoke, operator), Map.of());
    }

    private Reply act(Request request, ConsoleSession session, ConsoleForm form) {
        String action = request.pathParameter("action");
        if (!DONE.containsKey(action)) {
            throw new RouteNotFoundException(request.path());
        }
        String computer = form.field("computer").strip();
        byte[] body;
        try {
            body = Json.write(action.equals("group") ? new GroupAssignment(computer, form.field("group"))
                    : new ComputerAction(computer, form.field("reason")));
        } catch (IllegalArgumentException e) {
            return refusedOn(session, computer, e.getMessage(), 400);
        }
        AdminApiCall.Outcome outcome = api.post(session.caller(), "/admin/v1/computers/" + action, body,
                request.remoteAddress());
        if (!outcome.succeeded()) {
            return refusedOn(session, computer, outcome.refusal(), outcome.status());
        }
        ComputerView changed = action.equals("update-now") ? admin.computer(computer)
                : Json.read(outcome.body(), ComputerView.class);
        return ConsoleGuard.redirect(ConsoleText.link(changed) + "?done=" + action);
    }

    /** The computer's page with the refusal, or the refusal alone when the computer cannot be shown. */
    private Response refusedOn(ConsoleSession session, String computer, String refusal, int status) {
        try {
            ComputerView view = admin.computer(computer);
            ConsoleFrame frame = ConsoleRoutes.frame(session, view.computer().display(), "computers");
            return computerPage(status, session, view, frame.withError("Refused: " + refusal), false);
        } catch (PrimaryException | IllegalArgumentException e) {
            ConsoleFrame frame = ConsoleRoutes.frame(session, "Manage Computers", "computers");
            ComputerFilter filter = new ComputerFilter("", "", "name", false, 0);
            return templates.page(status, "computers.jte", new ComputersModel(frame.withError("Refused: " + refusal),
                    admin.computers(new ComputerQuery("", null, ComputerQuery.Sort.NAME, false, 0,
                            ComputerFilter.PAGE_SIZE)), filter, admin.summary()), Map.of());
        }
    }
}
