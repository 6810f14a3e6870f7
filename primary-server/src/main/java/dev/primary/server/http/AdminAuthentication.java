package dev.primary.server.http;

import dev.primary.server.identity.AdminToken;
import java.util.Locale;
import java.util.Map;

/** Checks {@code Authorization: Bearer <token>} on every admin request, in constant time. */
final class AdminAuthentication implements RequestFilter {
    private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer realm=\"primary-admin\"");
    private static final String PREFIX = "bearer ";

    private final AdminToken token;

    AdminAuthentication(AdminToken token) {
        this.token = token;
    }

    @Override
    public void check(Request request) {
        String authorization = request.header("Authorization").orElse("").strip();
        if (!authorization.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            throw new UnauthenticatedRequestException("admin requests need the header Authorization: Bearer <token>; "
                    + "the token is in <data-dir>/admin-token", CHALLENGE);
        }
        if (!token.matches(authorization.substring(PREFIX.length()).strip())) {
            throw new UnauthenticatedRequestException("the admin token is not this server's "
                    + "(see <data-dir>/admin-token)", CHALLENGE);
        }
    }
}
