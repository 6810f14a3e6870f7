package dev.primary.server.http;

import dev.primary.protocol.admin.AccountRole;
import dev.primary.server.account.Caller;
import dev.primary.server.identity.AdminToken;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks {@code Authorization: Bearer <token>} on every admin request and authorises it: the host's bootstrap token
 * (compared in constant time) acts as {@link Caller#HOST_ADMIN}, an account's API token as its account with its
 * role, looked up at each request so that a revoked token or disabled account stops working at once. The caller
 * must hold the role {@link AdminAccessPolicy} names for the route (else 403), and is then attached to the request
 * for the audit trail.
 */
final class AdminAuthentication implements RequestFilter {
    private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer realm=\"primary-admin\"");
    private static final String PREFIX = "bearer ";

    private final AdminToken token;
    private final Function<String, Optional<Caller>> accountTokens;

    /** @param accountTokens the caller an account's API token proves; empty when it proves none */
    AdminAuthentication(AdminToken token, Function<String, Optional<Caller>> accountTokens) {
        this.token = token;
        this.accountTokens = accountTokens;
    }

    @Override
    public void check(Request request) {
        Caller caller = authenticate(request);
        AccountRole needed = AdminAccessPolicy.required(request.method(), request.path());
        if (!caller.role().includes(needed)) {
            throw new ForbiddenRequestException(caller, needed, request.method(), request.path());
        }
        request.authenticatedAs(caller);
    }

    /** Whether the request's token still proves a caller (for a stream that outlives its request). */
    boolean stillAuthenticates(Request request) {
        try {
            authenticate(request);
            return true;
        } catch (UnauthenticatedRequestException e) {
            return false;
        }
    }

    private Caller authenticate(Request request) {
        String authorization = request.header("Authorization").orElse("").strip();
        if (!authorization.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            throw new UnauthenticatedRequestException("admin requests need the header Authorization: Bearer <token>;"
                    + " an account's API token, or on the server's host the token in <data-dir>/admin-token",
                    CHALLENGE);
        }
        String bearer = authorization.substring(PREFIX.length()).strip();
        if (token.matches(bearer)) {
            return Caller.HOST_ADMIN;
        }
        return accountTokens.apply(bearer).orElseThrow(() -> new UnauthenticatedRequestException("the token is"
                + " neither an active API token of an enabled account nor this server's admin token", CHALLENGE));
    }
}
