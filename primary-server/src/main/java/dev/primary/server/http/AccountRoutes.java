package dev.primary.server.http;

import dev.primary.protocol.admin.AccountPassword;
import dev.primary.protocol.admin.AccountRequest;
import dev.primary.protocol.admin.AccountRoleChange;
import dev.primary.protocol.admin.AccountTokenRequest;
import dev.primary.server.account.Accounts;

/**
 * {@code /admin/v1/accounts}: named accounts, their roles and API tokens (docs/admin-api.md, "Accounts"). All of them
 * need the administrator role ({@link AdminAccessPolicy}); every change is audited under the caller's name. Passwords
 * arrive only in request bodies and tokens leave only in the answer that creates them; neither is logged.
 */
final class AccountRoutes {
    static final String PATH = "/admin/v1/accounts";

    private AccountRoutes() {}

    static void addTo(RouteTable.Builder routes, Accounts accounts) {
        routes.get(PATH, request -> Response.json(accounts.list()))
                .post(PATH, request -> Response.json(201,
                        accounts.create(request.bodyAs(AccountRequest.class), request.actor())))
                .post(PATH + "/{name}/disable", request -> Response.json(
                        accounts.disable(request.pathParameter("name"), request.actor())))
                .post(PATH + "/{name}/role", request -> Response.json(accounts.changeRole(request.pathParameter("name"),
                        request.bodyAs(AccountRoleChange.class).role(), request.actor())))
                .post(PATH + "/{name}/password", request -> Response.json(accounts.changePassword(
                        request.pathParameter("name"), request.bodyAs(AccountPassword.class), request.actor())))
                .get(PATH + "/{name}/tokens", request -> Response.json(accounts.tokens(request.pathParameter("name"))))
                .post(PATH + "/{name}/tokens", request -> Response.json(201, accounts.createToken(
                        request.pathParameter("name"), request.bodyAs(AccountTokenRequest.class), request.actor())))
                .post(PATH + "/{name}/tokens/{id}/revoke", request -> Response.json(accounts.revokeToken(
                        request.pathParameter("name"), request.pathParameter("id"), request.actor())));
    }
}
