package dev.primary.server.http;

import dev.primary.protocol.admin.ComputerAction;
import dev.primary.protocol.admin.GroupAssignment;
import dev.primary.protocol.admin.RolloutChange;
import dev.primary.protocol.admin.RolloutRequest;
import dev.primary.protocol.admin.RolloutView;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.server.licensing.Administration;
import dev.primary.server.nudge.NudgeResult;
import dev.primary.server.release.ReleaseAdministration;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The admin routes of software updates (docs/admin-api.md): package uploads, releases, content updates,
 * rollouts, groups, and "update now". Computers a change reaches are nudged in the background.
 */
final class UpdateRoutes {
    /** At most this many computers are nudged after one rollout change; the rest update at their next check-in. */
    static final int ROLLOUT_NUDGES = 1000;
    private static final long UPDATE_NOW_WAIT_SECONDS = 5;

    private final Administration admin;
    private final UpdateServices services;

    private UpdateRoutes(Administration admin, UpdateServices services) {
        this.admin = admin;
        this.services = services;
    }

    /** Adds the update routes to {@code routes}; returns them for the licensing routes' after-revoke nudge. */
    static UpdateRoutes addTo(RouteTable.Builder routes, Administration admin, UpdateServices services) {
        UpdateRoutes update = new UpdateRoutes(admin, services);
        ReleaseAdministration releases = services.releases();
        routes.upload("/admin/v1/packages/{sha256}", new PackageUploads(services.packages(), services.maxPackageBytes()))
                .get("/admin/v1/releases", request -> Response.json(releases.releases()))
                .post("/admin/v1/releases", request -> Response.json(201,
                        releases.addRelease(request.bodyAs(SignedDocument.class), request.actor())))
                .get("/admin/v1/content", request -> Response.json(releases.contents()))
                .post("/admin/v1/content", request -> Response.json(201,
                        releases.addContent(request.bodyAs(SignedDocument.class), request.actor())))
                .get("/admin/v1/rollouts", request -> Response.json(releases.rollouts()))
                .post("/admin/v1/rollouts", update::startRollout)
                .post("/admin/v1/rollouts/{id}/percent", update::changePercent)
                .post("/admin/v1/rollouts/{id}/pause", request -> Response.json(
                        releases.pauseRollout(rolloutId(request), request.actor())))
                .post("/admin/v1/rollouts/{id}/resume", request -> Response.json(
                        update.nudgeReached(releases.resumeRollout(rolloutId(request), request.actor()))))
                .post("/admin/v1/computers/group", update::assignGroup)
                .post("/admin/v1/computers/update-now", update::updateNow);
        return update;
    }

    private Response startRollout(Request request) {
        RolloutView started = services.releases().startRollout(request.bodyAs(RolloutRequest.class), request.actor());
        return Response.json(201, nudgeReached(started));
    }

    private Response changePercent(Request request) {
        long id = rolloutId(request);
        int before = services.releases().rollouts().stream().filter(rollout -> rollout.id() == id)
                .mapToInt(RolloutView::percent).findFirst().orElse(100);
        RolloutView changed = services.releases().changeRolloutPercent(id,
                request.bodyAs(RolloutChange.class).percent(), request.actor());
        return Response.json(changed.percent() > before ? nudgeReached(changed) : changed);
    }

    /** Nudges, in the background, the computers a running rollout now reaches and that still need its release. */
    private RolloutView nudgeReached(RolloutView rollout) {
        if (rollout.state() == RolloutView.State.RUNNING) {
            services.nudges().nudgeAll(services.releases().rolloutNudgeTargets(rollout.id(), ROLLOUT_NUDGES));
        }
        return rollout;
    }

    private Response assignGroup(Request request) {
        GroupAssignment assignment = request.bodyAs(GroupAssignment.class);
        services.releases().assignGroup(assignment, request.actor());
        return Response.json(admin.computer(assignment.computer()));
    }

    private Response updateNow(Request request) {
        ComputerAction action = request.bodyAs(ComputerAction.class);
        Optional<InetSocketAddress> target = services.releases().nudgeTarget(action.computer(), request.actor());
        NudgeResult result = target.map(this::nudgeAndWait).orElseGet(() -> new NudgeResult(false, action.computer()
                + " has announced no nudge port (or has not checked in yet): it updates at its next check-in"));
        return Response.json(202, result, Map.of());
    }

    private NudgeResult nudgeAndWait(InetSocketAddress target) {
        try {
            return services.nudges().nudge(target).get(UPDATE_NOW_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return new NudgeResult(false, "the nudge is still pending after " + UPDATE_NOW_WAIT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NudgeResult(false, "interrupted while nudging");
        } catch (ExecutionException e) {
            return new NudgeResult(false, "the nudge failed: " + e.getCause());
        }
    }

    /** After a revocation: nudge the computer so it learns at once (best effort, in the background). */
    void nudgeRevoked(String computer, String actor) {
        services.releases().nudgeTarget(computer, actor).ifPresent(services.nudges()::nudge);
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
