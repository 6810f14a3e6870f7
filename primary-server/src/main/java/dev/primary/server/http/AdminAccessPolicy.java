package dev.primary.server.http;

import dev.primary.protocol.admin.AccountRole;
import java.util.Arrays;
import java.util.List;

/**
 * The role each admin route needs, in one table (docs/admin-api.md, "Roles"): a viewer reads, an operator also acts on
 * computers and rollouts, an administrator also manages licenses, accounts, enrollment tokens, releases, content,
 * packages and the log level. The first rule that matches decides; a route no rule names needs an administrator, so a
 * route added without a rule is closed rather than open. {@code POST /admin/v1/session} (the login) is the one admin
 * route outside it: it takes a password, not a token ({@link SessionRoutes}).
 */
final class AdminAccessPolicy {
    private static final List<Rule> RULES = List.of(
            new Rule("GET", "/admin/v1/accounts/**", AccountRole.ADMINISTRATOR),
            new Rule("GET", "/admin/v1/events", AccountRole.VIEWER),
            new Rule("GET", "/admin/v1/audit.csv", AccountRole.VIEWER),
            new Rule("GET", "/admin/v1/stats/**", AccountRole.VIEWER),
            new Rule("GET", "/**", AccountRole.VIEWER),
            new Rule("POST", "/admin/v1/computers/reserve", AccountRole.OPERATOR),
            new Rule("POST", "/admin/v1/computers/release", AccountRole.OPERATOR),
            new Rule("POST", "/admin/v1/computers/revoke", AccountRole.OPERATOR),
            new Rule("POST", "/admin/v1/computers/reinstate", AccountRole.OPERATOR),
            new Rule("POST", "/admin/v1/computers/verify-license", AccountRole.OPERATOR),
            new Rule("POST", "/admin/v1/computers/rekey", AccountRole.OPERATOR),
            new Rule("POST", "/admin/v1/computers/remove", AccountRole.OPERATOR),
            new Rule("POST", "/admin/v1/computers/group", AccountRole.OPERATOR),
            new Rule("POST", "/admin/v1/computers/update-now", AccountRole.OPERATOR),
            new Rule("POST", "/admin/v1/reclaim", AccountRole.OPERATOR),
            new Rule("POST", "/admin/v1/rollouts", AccountRole.OPERATOR),
            new Rule("POST", "/admin/v1/rollouts/{id}/percent", AccountRole.OPERATOR),
            new Rule("POST", "/admin/v1/rollouts/{id}/pause", AccountRole.OPERATOR),
            new Rule("POST", "/admin/v1/rollouts/{id}/resume", AccountRole.OPERATOR));

    private AdminAccessPolicy() {}

    /** The role a request of {@code method} on {@code rawPath} needs. */
    static AccountRole required(String method, String rawPath) {
        List<String> segments = segmentsOf(rawPath);
        return RULES.stream().filter(rule -> rule.matches(method, segments)).map(Rule::role).findFirst()
                .orElse(AccountRole.ADMINISTRATOR);
    }

    private static List<String> segmentsOf(String path) {
        return path.startsWith("/") ? Arrays.asList(path.substring(1).split("/", -1)) : List.of();
    }

    /** One row: a method and a path pattern ({@code {name}} one segment, a trailing {@code **} any rest). */
    private record Rule(String method, String pattern, AccountRole role) {
        boolean matches(String requestMethod, List<String> segments) {
            if (!method.equals(requestMethod)) {
                return false;
            }
            List<String> parts = segmentsOf(pattern);
            for (int i = 0; i < parts.size(); i++) {
                String part = parts.get(i);
                if (part.equals("**")) {
                    return true;
                }
                if (i >= segments.size() || !(part.startsWith("{") || part.equals(segments.get(i)))) {
                    return false;
                }
            }
            return parts.size() == segments.size();
        }
    }
}
