package dev.primary.server.http;

import dev.primary.protocol.admin.CreatedEnrollmentToken;
import dev.primary.protocol.admin.EnrollmentTokenRequest;
import dev.primary.protocol.json.Json;
import dev.primary.server.console.ConsoleFrame;
import dev.primary.server.console.CreatedTokenModel;
import dev.primary.server.console.EnrollmentTokenForm;
import dev.primary.server.console.EnrollmentTokensModel;
import dev.primary.server.licensing.Administration;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The enrollment tokens ({@code /console/enrollment-tokens}): the list of {@code GET /admin/v1/enrollment-tokens}
 * (viewer), and its create and revoke forms, run as {@code POST /admin/v1/enrollment-tokens} and
 * {@code POST /admin/v1/enrollment-tokens/{id}/revoke} (administrator). A created token's secret is shown once, on
 * the create form's answer page, and is never stored, listed or logged by the console.
 */
final class ConsoleEnrollmentPages {
    static final String PATH = ConsoleRoutes.PREFIX + "/enrollment-tokens";
    /** The longest expiry the form takes: ten years (0 is never). */
    static final int MAX_DAYS = 3650;
    private static final String TITLE = "Enrollment tokens";

    private final ConsoleTemplates templates;
    private final Administration admin;
    private final AdminApiCall api;

    private ConsoleEnrollmentPages(ConsoleTemplates templates, Administration admin, AdminApiCall api) {
        this.templates = templates;
        this.admin = admin;
        this.api = api;
    }

    static void addTo(RouteTable.Builder routes, ConsoleGuard guard, ConsoleTemplates templates, Administration admin,
            AdminApiCall api) {
        ConsoleEnrollmentPages pages = new ConsoleEnrollmentPages(templates, admin, api);
        routes.get(PATH, guard.page(pages::list))
                .post(PATH, guard.action(pages::create))
                .post(PATH + "/revoke", guard.action(pages::revoke));
    }

    private Reply list(Request request, ConsoleSession session) {
        ConsoleFrame frame = ConsoleRoutes.frame(session, TITLE, "enrollment-tokens")
                .withNotice(request.queryParameter("done").filter("revoke"::equals)
                        .map(done -> "Revoked the token: it enrolls no more computers.").orElse(""));
        String confirm = request.queryParameter("revoke").map(String::strip).orElse("");
        return page(200, session, frame, confirm, EnrollmentTokenForm.DEFAULTS);
    }

    private Response page(int status, ConsoleSession session, ConsoleFrame frame, String confirmRevoke,
            EnrollmentTokenForm form) {
        AdminApiCall.authorize(session.caller(), "GET", "/admin/v1/enrollment-tokens");
        boolean administrator = AdminApiCall.allowed(session.caller(), "POST", "/admin/v1/enrollment-tokens");
        return templates.page(status, "enrollment-tokens.jte", new EnrollmentTokensModel(frame,
                admin.enrollmentTokens(), confirmRevoke, administrator, form), Map.of());
    }

    private Reply create(Request request, ConsoleSession session, ConsoleForm form) {
        EnrollmentTokenForm typed = new EnrollmentTokenForm(form.field("label"), form.field("uses").strip(),
                form.field("expires-days").strip(), form.field("group"));
        ConsoleFrame frame = ConsoleRoutes.frame(session, TITLE, "enrollment-tokens");
        byte[] body;
        try {
            body = Json.write(new EnrollmentTokenRequest(typed.label(), whole(typed.uses(), "uses", Integer.MAX_VALUE),
                    Duration.ofDays(whole(typed.expiresInDays(), "expires in days", MAX_DAYS)).toSeconds(),
                    typed.group()));
        } catch (IllegalArgumentException e) {
            return page(400, session, frame.withError("Refused: " + e.getMessage()), "", typed);
        }
        AdminApiCall.Outcome outcome = api.post(session.caller(), "/admin/v1/enrollment-tokens", body,
                request.remoteAddress());
        if (!outcome.succeeded()) {
            return page(outcome.status(), session, frame.withError("Refused: " + outcome.refusal()), "", typed);
        }
        CreatedEnrollmentToken created = Json.read(outcome.body(), CreatedEnrollmentToken.class);
        return templates.page(201, "enrollment-token-created.jte", new CreatedTokenModel(
                ConsoleRoutes.frame(session, "Enrollment token created", "enrollment-tokens"), created), Map.of());
    }

    private Reply revoke(Request request, ConsoleSession session, ConsoleForm form) {
        String id = form.field("id").strip();
        ConsoleFrame frame = ConsoleRoutes.frame(session, TITLE, "enrollment-tokens");
        if (id.isEmpty()) {
            return page(400, session, frame.withError("Refused: choose a token to revoke."), "",
                    EnrollmentTokenForm.DEFAULTS);
        }
        AdminApiCall.Outcome outcome = api.post(session.caller(), "/admin/v1/enrollment-tokens/"
                + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20") + "/revoke",
                "{}".getBytes(StandardCharsets.UTF_8), request.remoteAddress());
        if (!outcome.succeeded()) {
            return page(outcome.status(), session, frame.withError("Refused: " + outcome.refusal()), "",
                    EnrollmentTokenForm.DEFAULTS);
        }
        return ConsoleGuard.redirect(PATH + "?done=revoke");
    }

    /** A whole number from 0 to {@code max} typed into field {@code name}; empty is 0. */
    private static int whole(String text, String name, int max) {
        if (text.isEmpty()) {
            return 0;
        }
        if (!text.matches("[0-9]{1,10}") || Long.parseLong(text) > max) {
            throw new IllegalArgumentException(name + " must be a whole number from 0 to " + max + ", got \""
                    + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "\"");
        }
        return Integer.parseInt(text);
    }
}
