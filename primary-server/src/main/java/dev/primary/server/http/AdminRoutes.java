package dev.primary.server.http;

import dev.primary.protocol.admin.ComputerAction;
import dev.primary.protocol.admin.ComputerQuery;
import dev.primary.protocol.admin.ComputerRemoval;
import dev.primary.protocol.admin.EnrollmentTokenRequest;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.ServerStatus;
import dev.primary.protocol.admin.TrafficCounters;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.server.fleet.FleetChanges;
import dev.primary.server.identity.AdminToken;
import dev.primary.server.licensing.Administration;
import dev.primary.server.logging.RunningLogLevel;
import dev.primary.server.account.AccountServices;
import dev.primary.server.account.Caller;
import dev.primary.server.stats.Statistics;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Every route of the admin port (docs/admin-api.md), in one place with {@link UpdateRoutes} and
 * {@link HealthRoutes}; all behind a bearer token and the role {@link AdminAccessPolicy} names, but the health and
 * metrics routes. Changes are audited under the caller's name ({@link Request#actor()}).
 */
public final class AdminRoutes {
    private AdminRoutes() {}

    private static final int SOURCES_SHOWN = 20;

    /**
     * @param limitedSources requests refused over the per-source limit since start, by source (at most the
     *     given number, most first)
     * @param logLevel the process's log level, read and changed at {@code /admin/v1/log-level}
     * @param accounts named accounts, their API tokens and the login; empty for a backend without them (only the bootstrap
     *     token then opens the admin API, and {@code /admin/v1/accounts} is not served)
     * @param statistics what the charts read ({@code /admin/v1/stats}); empty for a backend without them
     */
    public static RouteTable of(Administration admin, UpdateServices updates, AdminToken token,
            Supplier<ServerStatus> status, Supplier<TrafficCounters> traffic,
            IntFunction<Map<String, Long>> limitedSources, RunningLogLevel logLevel, Readiness readiness,
            Supplier<String> metrics, Optional<AccountServices> accounts, Optional<Statistics> statistics) {
        return of(admin, updates, token, status, traffic, limitedSources, logLevel, readiness, metrics, accounts,
                statistics, new FleetEventStreams(FleetChanges.NONE, admin, FleetEventStreams.Limits.DEFAULT));
    }

    /** The same, with the fleet's changes streamed at {@code GET /admin/v1/events} by {@code events}. */
    public static RouteTable of(Administration admin, UpdateServices updates, AdminToken token,
            Supplier<ServerStatus> status, Supplier<TrafficCounters> traffic,
            IntFunction<Map<String, Long>> limitedSources, RunningLogLevel logLevel, Readiness readiness,
            Supplier<String> metrics, Optional<AccountServices> accounts, Optional<Statistics> statistics,
            FleetEventStreams events) {
        RouteTable.Builder routes = RouteTable.builder();
        UpdateRoutes updateRoutes = UpdateRoutes.addTo(routes, admin, updates);
        LogLevelRoutes.addTo(routes, logLevel, admin);
        HealthRoutes.addTo(routes, readiness, metrics);
        accounts.ifPresent(present -> AccountRoutes.addTo(routes, present.accounts()));
        accounts.ifPresent(present -> SessionRoutes.addTo(routes, present.logins()));
        Optional<AdminApiCall> console = accounts.map(present -> ConsoleRoutes.addTo(routes, admin, updates, present,
                events, new ConsoleServerPages.Sources(status, traffic, readiness), statistics));
        statistics.ifPresent(present -> StatsRoutes.addTo(routes, present));
        Function<String, Optional<Caller>> accountTokens = bearer -> accounts.flatMap(
                present -> present.accounts().callerOf(bearer));
        AdminAuthentication authentication = new AdminAuthentication(token, accountTokens);
        routes
                .before(ConsoleRoutes.exceptOnConsole(HealthRoutes.exceptOnOpenPaths(SessionRoutes.exceptOnLogin(
                        authentication))))
                .get("/admin/v1/server", request -> Response.json(status.get()))
                .get("/admin/v1/events", request -> events.open(() -> authentication.stillAuthenticates(request)))
                .get("/admin/v1/counters", request -> Response.json(traffic.get()))
                .get("/admin/v1/summary", request -> Response.json(admin.summary()))
                .get("/admin/v1/licenses", request -> Response.json(admin.licenses()))
                .post("/admin/v1/licenses", request -> Response.json(201,
                        admin.importLicense(request.bodyAs(SignedDocument.class), request.actor())))
                .get("/admin/v1/licenses/{serial}", request -> Response.json(admin.license(request.pathParameter("serial"))))
                .post("/admin/v1/unlocks", request -> Response.json(
                        admin.unlock(request.bodyAs(SignedDocument.class), request.actor())))
                .get("/admin/v1/computers", request -> Response.json(admin.computers(computerQuery(request))))
                .get("/admin/v1/computers/{computer}", request -> Response.json(
                        admin.computer(request.pathParameter("computer"))))
                .post("/admin/v1/computers/reserve", request -> onComputer(request, admin::reserve))
                .post("/admin/v1/computers/release", request -> onComputer(request, admin::release))
                .post("/admin/v1/computers/revoke", request -> {
                    ComputerAction action = request.bodyAs(ComputerAction.class);
                    ComputerView revoked = admin.revoke(action.computer(), action.reason(), action.withToken(), request.actor());
                    updateRoutes.nudgeRevoked(action.computer(), request.actor());
                    return Response.json(revoked);
                })
                .post("/admin/v1/computers/rekey", request -> onComputer(request, admin::rekey))
                .post("/admin/v1/computers/remove", request -> Response.json(
                        admin.removeComputers(request.bodyAs(ComputerRemoval.class), request.actor())))
                .post("/admin/v1/enrollment-tokens", request -> Response.json(201,
                        admin.createEnrollmentToken(request.bodyAs(EnrollmentTokenRequest.class), request.actor())))
                .get("/admin/v1/enrollment-tokens", request -> Response.json(admin.enrollmentTokens()))
                .post("/admin/v1/enrollment-tokens/{id}/revoke", request -> Response.json(
                        admin.revokeEnrollmentToken(request.pathParameter("id"), request.actor())))
                .get("/admin/v1/enrollment/sources", request -> Response.json(
                        admin.enrollmentSources(SOURCES_SHOWN, limitedSources.apply(SOURCES_SHOWN))))
                .post("/admin/v1/computers/reinstate", request -> onComputer(request, admin::reinstate))
                .post("/admin/v1/computers/verify-license", request -> onComputer(request,
                        (computer, reason, actor) -> admin.verifyLicense(computer, actor)))
                .post("/admin/v1/reclaim", request -> Response.json(admin.reclaimSilent(request.actor())));
        AuditRoutes.addTo(routes, admin);
        RouteTable table = routes.build();
        console.ifPresent(call -> call.callThrough(table));
        return table;
    }

    private static Response onComputer(Request request, ComputerOperation operation) {
        ComputerAction action = request.bodyAs(ComputerAction.class);
        return Response.json(operation.apply(action.computer(), action.reason(), request.actor()));
    }

    private static ComputerQuery computerQuery(Request request) {
        return MalformedParameterException.parsing(() -> new ComputerQuery(
                request.queryParameter("search").orElse(""),
                request.queryParameter("state").filter(text -> !text.isBlank()).map(ComputerState::fromWire).orElse(null),
                request.queryParameter("sort").filter(text -> !text.isBlank()).map(ComputerQuery.Sort::parse)
                        .orElse(ComputerQuery.Sort.NAME),
                QueryParameters.descending(request),
                (int) QueryParameters.wholeNumber(request, "offset", 0, 0, Integer.MAX_VALUE),
                (int) QueryParameters.wholeNumber(request, "limit", 100, 1, ComputerQuery.MAX_LIMIT)));
    }

    @FunctionalInterface
    private interface ComputerOperation {
        ComputerView apply(String computer, String reason, String actor);
    }
}
