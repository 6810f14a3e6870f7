package dev.primary.server.http;

import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.LicenseDetail;
import dev.primary.protocol.admin.LicenseView;
import dev.primary.server.console.ConsoleFrame;
import dev.primary.server.console.LicenseRow;
import dev.primary.server.console.LicensesModel;
import dev.primary.server.licensing.Administration;
import java.util.List;
import java.util.Map;

/**
 * The License Summary ({@code /console/licenses}): Licenses / Used / Active / Reserved / Waiting per license and in
 * total, each license's detail and registration code, and the uploads of a license file and an unlock file, run as
 * {@code POST /admin/v1/licenses} and {@code POST /admin/v1/unlocks} (administrator).
 */
final class ConsoleLicensePages {
    static final String PATH = ConsoleRoutes.PREFIX + "/licenses";
    private static final Map<String, String> DONE = Map.of("import", "Imported the license file.",
            "unlock", "Unlocked the license.");

    private final ConsoleTemplates templates;
    private final Administration admin;
    private final AdminApiCall api;

    private ConsoleLicensePages(ConsoleTemplates templates, Administration admin, AdminApiCall api) {
        this.templates = templates;
        this.admin = admin;
        this.api = api;
    }

    static void addTo(RouteTable.Builder routes, ConsoleGuard guard, ConsoleTemplates templates, Administration admin,
            AdminApiCall api) {
        ConsoleLicensePages pages = new ConsoleLicensePages(templates, admin, api);
        routes.get(PATH, guard.page(pages::summary))
                .post(PATH + "/import", guard.action((request, session, form) -> pages.upload(request, session, form,
                        "import", "/admin/v1/licenses")))
                .post(PATH + "/unlock", guard.action((request, session, form) -> pages.upload(request, session, form,
                        "unlock", "/admin/v1/unlocks")));
    }

    private Reply summary(Request request, ConsoleSession session) {
        ConsoleFrame frame = ConsoleRoutes.frame(session, "License Summary", "licenses")
                .withNotice(request.queryParameter("done").map(DONE::get).orElse(""));
        return page(200, session, frame);
    }

    private Response page(int status, ConsoleSession session, ConsoleFrame frame) {
        AdminApiCall.authorize(session.caller(), "GET", "/admin/v1/licenses");
        List<LicenseRow> rows = admin.licenses().stream().map(this::row).toList();
        boolean administrator = AdminApiCall.allowed(session.caller(), "POST", "/admin/v1/licenses");
        return templates.page(status, "licenses.jte", new LicensesModel(frame, admin.summary(), rows, administrator),
                Map.of());
    }

    private LicenseRow row(LicenseView license) {
        LicenseDetail detail = admin.license(license.serial());
        int active = (int) detail.seats().stream().filter(seat -> seat.state() == ComputerState.LICENSED).count();
        int reserved = (int) detail.seats().stream().filter(seat -> seat.state() == ComputerState.RESERVED).count();
        return new LicenseRow(license, active, reserved, detail.seats());
    }

    private Reply upload(Request request, ConsoleSession session, ConsoleForm form, String action, String route) {
        byte[] file = form.file("file");
        ConsoleFrame frame = ConsoleRoutes.frame(session, "License Summary", "licenses");
        if (file.length == 0) {
            return page(400, session, frame.withError("Refused: choose a file to upload first."));
        }
        AdminApiCall.Outcome outcome = api.post(session.caller(), route, file, request.remoteAddress());
        if (!outcome.succeeded()) {
            return page(outcome.status(), session, frame.withError("Refused: " + outcome.refusal()));
        }
        return ConsoleGuard.redirect(PATH + "?done=" + action);
    }
}
