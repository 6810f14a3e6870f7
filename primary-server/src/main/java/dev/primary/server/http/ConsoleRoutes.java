package dev.primary.server.http;

import dev.primary.protocol.admin.LoginRequest;
import dev.primary.server.account.AccountServices;
import dev.primary.server.account.LoginRefusedException;
import dev.primary.server.account.LoginThrottledException;
import dev.primary.server.console.ConsoleFrame;
import dev.primary.server.console.LoginModel;
import dev.primary.server.enrollment.TokenText;
import dev.primary.server.licensing.Administration;
import dev.primary.server.stats.Statistics;
import java.util.Map;
import java.util.Optional;

/**
 * The web console under {@code /console} on the admin port (docs/console.md): its login and log-out, its static
 * assets, and its pages ({@link ConsoleComputerPages}, {@link ConsoleLicensePages}). It skips the bearer-token filter
 * of the admin API and has its own: the session cookie ({@link ConsoleGuard}). Every action runs as its admin REST
 * route ({@link AdminApiCall}), under that route's role rule and audited under the signed-in account.
 */
final class ConsoleRoutes {
    static final String PREFIX = "/console";

    private final AccountServices accounts;
    private final ConsoleSecurity security;
    private final ConsoleGuard guard;
    private final ConsoleTemplates templates;

    private ConsoleRoutes(AccountServices accounts, ConsoleSecurity security, ConsoleTemplates templates) {
        this.accounts = accounts;
        this.security = security;
        this.guard = new ConsoleGuard(accounts.accounts(), security, templates);
        this.templates = templates;
    }

    /**
     * Adds the console's routes ({@code events} streams the fleet's changes to its pages, {@code server} is what the
     * server page reads, {@code statistics} draws the Overview's charts, empty for a store without them); the returned
     * call must be given the admin port's built routes ({@link AdminApiCall#callThrough}) before the first request.
     */
    static AdminApiCall addTo(RouteTable.Builder routes, Administration admin, UpdateServices updates,
            AccountServices accounts, FleetEventStreams events, ConsoleServerPages.Sources server,
            Optional<Statistics> statistics) {
        ConsoleSecurity security = ConsoleSecurity.withRandomSecret();
        ConsoleTemplates templates = new ConsoleTemplates();
        ConsoleRoutes console = new ConsoleRoutes(accounts, security, templates);
        AdminApiCall api = new AdminApiCall();
        ConsoleAssets.addTo(routes);
        routes.get(PREFIX, request -> ConsoleGuard.redirect(ConsoleComputerPages.PATH))
                .get(ConsoleGuard.LOGIN, console::loginPage)
                .post(ConsoleGuard.LOGIN, console::login)
                .post(PREFIX + "/logout", console.guard.action(console::logout))
                // The fleet's live changes for the pages' script: GET /admin/v1/events, opened by the session cookie.
                .get(PREFIX + "/events", console.guard.page((request, session) -> {
                    AdminApiCall.authorize(session.caller(), "GET", "/admin/v1/events");
                    return events.open(() -> console.guard.session(request).isPresent());
                }));
        ConsoleComputerPages.addTo(routes, console.guard, templates, admin, api);
        ConsoleLicensePages.addTo(routes, console.guard, templates, admin, api);
        ConsoleReleasePages.addTo(routes, console.guard, templates, updates, api);
        ConsoleAuditPages.addTo(routes, console.guard, templates, admin);
        ConsoleEnrollmentPages.addTo(routes, console.guard, templates, admin, api);
        ConsoleServerPages.addTo(routes, console.guard, templates, server);
        ConsoleOverviewPages.addTo(routes, console.guard, templates, statistics);
        return api;
    }

    /** {@code filter}, except on the console's paths, which check their session themselves. */
    static RequestFilter exceptOnConsole(RequestFilter filter) {
        return request -> {
            if (!isConsole(request.path())) {
                filter.check(request);
            }
        };
    }

    static boolean isConsole(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    /** The frame of a page for a session. */
    static ConsoleFrame frame(ConsoleSession session, String title, String section) {
        return new ConsoleFrame(title, section, session.caller().name(), session.caller().role().wireName(),
                session.csrf(), "", "");
    }

    private Reply loginPage(Request request) {
        if (guard.session(request).isPresent()) {
            return ConsoleGuard.redirect(ConsoleComputerPages.PATH);
        }
        return loginForm(200, "", "");
    }

    private Response loginForm(int status, String name, String error) {
        String nonce = ConsoleSecurity.newNonce();
        return templates.page(status, "login.jte", new LoginModel(security.loginCsrfOf(nonce), name, error),
                Map.of("Set-Cookie", ConsoleSecurity.loginCookie(nonce)));
    }

    private Reply login(Request request) {
        if (!ConsoleSecurity.sameOrigin(request)) {
            return loginForm(403, "", "The login was not sent from this console's login page.");
        }
        ConsoleForm form = ConsoleForm.of(request);
        String name = form.field("name").strip();
        if (!security.loginCsrfMatches(ConsoleSecurity.cookie(request, ConsoleSecurity.LOGIN_COOKIE),
                form.field(ConsoleSecurity.CSRF_FIELD))) {
            return loginForm(403, name, "The login form expired or was not sent from this page; log in again.");
        }
        try {
            String token = accounts.logins().login(new LoginRequest(name, form.field("password")),
                    request.remoteAddress()).token();
            return new Response(303, "", new byte[0], ConsoleSecurity.headers(Map.of(
                    "Location", ConsoleComputerPages.PATH, "Set-Cookie", ConsoleSecurity.sessionCookie(token))));
        } catch (LoginThrottledException e) {
            return loginForm(429, name, "Too many failed logins for this account or from this address. Try again in "
                    + Math.max(1, e.retryAfter().toSeconds()) + " seconds.");
        } catch (LoginRefusedException | IllegalArgumentException e) {
            return loginForm(401, name, "The name or password is wrong, or the account is disabled.");
        }
    }

    private Reply logout(Request request, ConsoleSession session, ConsoleForm form) {
        TokenText.parse(session.token()).ifPresent(token -> accounts.accounts().revokeToken(session.caller().name(),
                token.id(), session.caller().name()));
        return new Response(303, "", new byte[0], ConsoleSecurity.headers(Map.of(
                "Location", ConsoleGuard.LOGIN, "Set-Cookie", ConsoleSecurity.clearedSessionCookie())));
    }
}
