package dev.primary.server.http;

import dev.primary.protocol.admin.LoginRequest;
import dev.primary.server.account.LoginThrottledException;
import dev.primary.server.account.Logins;

/**
 * {@code POST /admin/v1/session}: an account's name and password for a short-lived API token (docs/admin-api.md,
 * "Login"). The one admin route that takes no bearer token; bounded by the login throttle instead.
 */
final class SessionRoutes {
    static final String PATH = "/admin/v1/session";

    private SessionRoutes() {}

    static void addTo(RouteTable.Builder routes, Logins logins) {
        routes.post(PATH, request -> {
            try {
                return Response.json(201, logins.login(request.bodyAs(LoginRequest.class), request.remoteAddress()));
            } catch (LoginThrottledException e) {
                throw new LoginLimitedException(e);
            }
        });
    }

    /** {@code filter}, except on the login route. */
    static RequestFilter exceptOnLogin(RequestFilter filter) {
        return request -> {
            if (!(request.path().equals(PATH) && request.method().equals("POST"))) {
                filter.check(request);
            }
        };
    }
}
