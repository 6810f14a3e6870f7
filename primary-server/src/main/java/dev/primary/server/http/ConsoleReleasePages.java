package dev.primary.server.http;

import dev.primary.protocol.admin.RolloutChange;
import dev.primary.protocol.admin.RolloutProgress;
import dev.primary.protocol.admin.RolloutRequest;
import dev.primary.protocol.admin.RolloutView;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.ReleaseManifest;
import dev.primary.server.console.ConsoleFrame;
import dev.primary.server.console.ReleaseRow;
import dev.primary.server.console.ReleasesModel;
import dev.primary.server.console.RolloutCountsModel;
import dev.primary.server.console.RolloutRow;
import dev.primary.server.console.RolloutStart;
import dev.primary.server.console.UpdateCounts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Releases and rollouts ({@code /console/releases}): every release and the newest rollouts with their computers by
 * update state, which the page's script refreshes ({@code /console/releases/counts}) as the fleet reports progress;
 * starting a rollout (after a confirmation), changing its percent, pausing and resuming it, each run as its REST route
 * ({@code POST /admin/v1/rollouts…}, operator); adding a signed release ({@code POST /admin/v1/releases}) after its
 * package has been streamed to {@code PUT /admin/v1/packages/{sha256}} (administrator).
 */
final class ConsoleReleasePages {
    static final String PATH = ConsoleRoutes.PREFIX + "/releases";
    /** The newest rollouts the page shows; each costs one count of its computers per refresh. */
    static final int ROLLOUTS_SHOWN = 50;
    private static final String TITLE = "Releases and rollouts";
    private static final Map<String, String> DONE = Map.of("start", "Started the rollout.",
            "percent", "Changed the rollout's percent.", "pause", "Paused the rollout: it assigns no new computers.",
            "resume", "Resumed the rollout.", "release", "Added the release.");

    private final ConsoleTemplates templates;
    private final UpdateServices updates;
    private final AdminApiCall api;

    private ConsoleReleasePages(ConsoleTemplates templates, UpdateServices updates, AdminApiCall api) {
        this.templates = templates;
        this.updates = updates;
        this.api = api;
    }

    static void addTo(RouteTable.Builder routes, ConsoleGuard guard, ConsoleTemplates templates,
            UpdateServices updates, AdminApiCall api) {
        ConsoleReleasePages pages = new ConsoleReleasePages(templates, updates, api);
        routes.get(PATH, guard.page(pages::releases))
                .get(PATH + "/counts", guard.page(pages::counts))
                .post(PATH + "/rollouts", guard.action(pages::start))
                .post(PATH + "/rollouts/{action}", guard.action(pages::change))
                .post(PATH + "/add", guard.action(pages::addRelease))
                .upload(PATH + "/packages/{sha256}", guard.upload((head, session, contentLength) -> api.upload(
                        session.caller(), "/admin/v1/packages/" + MalformedParameterException.parsing(
                                () -> ReleaseManifest.requireSha256(head.pathParameter("sha256"))),
                        head, contentLength)));
    }

    private Reply releases(Request request, ConsoleSession session) {
        ConsoleFrame frame = ConsoleRoutes.frame(session, TITLE, "releases")
                .withNotice(request.queryParameter("done").map(DONE::get).orElse(""));
        return page(200, session, request, frame, RolloutStart.NONE);
    }

    /** The live part alone, for the page's script. */
    private Reply counts(Request request, ConsoleSession session) {
        return templates.page(200, "releasecounts.jte", countsFor(session, request), Map.of());
    }

    private Response page(int status, ConsoleSession session, Request request, ConsoleFrame frame,
            RolloutStart confirm) {
        boolean operator = AdminApiCall.allowed(session.caller(), "POST", "/admin/v1/rollouts");
        boolean administrator = AdminApiCall.allowed(session.caller(), "POST", "/admin/v1/releases");
        return templates.page(status, "releases.jte", new ReleasesModel(frame, countsFor(session, request), operator,
                administrator, updates.maxPackageBytes(), confirm), Map.of());
    }

    private RolloutCountsModel countsFor(ConsoleSession session, Request request) {
        AdminApiCall.authorize(session.caller(), "GET", "/admin/v1/releases");
        AdminApiCall.authorize(session.caller(), "GET", "/admin/v1/rollouts");
        List<RolloutView> rollouts = updates.releases().rollouts().stream()
                .sorted(Comparator.comparingLong(RolloutView::id).reversed()).limit(ROLLOUTS_SHOWN).toList();
        List<RolloutRow> rows = new ArrayList<>();
        boolean byState = true;
        for (RolloutView rollout : rollouts) {
            AdminApiCall.Outcome progress = api.get(session.caller(), "/admin/v1/stats/rollouts/" + rollout.id(),
                    request.remoteAddress());
            if (progress.succeeded()) {
                rows.add(new RolloutRow(rollout, UpdateCounts.of(Json.read(progress.body(), RolloutProgress.class))));
            } else {
                byState = false;
                rows.add(new RolloutRow(rollout, new UpdateCounts(rollout.assigned(), 0, 0, rollout.installed(),
                        rollout.failed())));
            }
        }
        List<ReleaseRow> releases = updates.releases().releases().stream()
                .map(release -> new ReleaseRow(release, rows.stream()
                        .filter(row -> row.rollout().product() == release.product()
                                && row.rollout().version().equals(release.version()))
                        .map(RolloutRow::counts).reduce(UpdateCounts.NONE, UpdateCounts::plus)))
                .toList();
        return new RolloutCountsModel(releases, rows, byState);
    }

    /** Starts a rollout once the operator has confirmed it; before that shows what it will do. */
    private Reply start(Request request, ConsoleSession session, ConsoleForm form) {
        RolloutStart asked = new RolloutStart(form.field("release").strip(), orDefault(form.field("percent"), "100"),
                form.field("group").strip(), orDefault(form.field("failureThreshold"), "5"));
        ConsoleFrame frame = ConsoleRoutes.frame(session, TITLE, "releases");
        byte[] body;
        try {
            body = Json.write(rolloutRequest(asked));
        } catch (IllegalArgumentException e) {
            return page(400, session, request, frame.withError("Refused: " + e.getMessage()), RolloutStart.NONE);
        }
        if (!form.field("confirmed").equals("yes")) {
            AdminApiCall.authorize(session.caller(), "POST", "/admin/v1/rollouts");
            return page(200, session, request, frame, asked);
        }
        return ran(request, session, "/admin/v1/rollouts", body, "start");
    }

    private Reply change(Request request, ConsoleSession session, ConsoleForm form) {
        String action = request.pathParameter("action");
        if (!List.of("percent", "pause", "resume").contains(action)) {
            throw new RouteNotFoundException(request.path());
        }
        String rollout = form.field("rollout").strip();
        byte[] body = new byte[0];
        try {
            if (!rollout.matches("[0-9]{1,18}")) {
                throw new IllegalArgumentException("choose a rollout first");
            }
            if (action.equals("percent")) {
                body = Json.write(new RolloutChange(wholeNumber("percent", form.field("percent"))));
            }
        } catch (IllegalArgumentException e) {
            return page(400, session, request, ConsoleRoutes.frame(session, TITLE, "releases")
                    .withError("Refused: " + e.getMessage()), RolloutStart.NONE);
        }
        return ran(request, session, "/admin/v1/rollouts/" + rollout + "/" + action, body, action);
    }

    /** Adds a signed release whose package is stored (uploaded by the page's script or by {@code primary-admin}). */
    private Reply addRelease(Request request, ConsoleSession session, ConsoleForm form) {
        byte[] manifest = form.file("manifest");
        if (manifest.length == 0) {
            return page(400, session, request, ConsoleRoutes.frame(session, TITLE, "releases")
                    .withError("Refused: choose the release's signed manifest file first."), RolloutStart.NONE);
        }
        return ran(request, session, "/admin/v1/releases", manifest, "release");
    }

    private Reply ran(Request request, ConsoleSession session, String route, byte[] body, String done) {
        AdminApiCall.Outcome outcome = api.post(session.caller(), route, body, request.remoteAddress());
        if (!outcome.succeeded()) {
            return page(outcome.status(), session, request, ConsoleRoutes.frame(session, TITLE, "releases")
                    .withError("Refused: " + outcome.refusal()), RolloutStart.NONE);
        }
        return ConsoleGuard.redirect(PATH + "?done=" + done);
    }

    private static RolloutRequest rolloutRequest(RolloutStart start) {
        String[] release = start.release().split(" ", 2);
        if (release.length != 2) {
            throw new IllegalArgumentException("choose a release first");
        }
        return new RolloutRequest(Product.fromWire(release[0]), Version.parse(release[1]), start.group(),
                wholeNumber("percent", start.percent()), wholeNumber("failure threshold", start.failureThreshold()));
    }

    private static int wholeNumber(String name, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got \"" + text.strip() + "\"");
        }
    }

    private static String orDefault(String text, String fallback) {
        return text.isBlank() ? fallback : text.strip();
    }
}
