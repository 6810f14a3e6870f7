package dev.primary.server.http;

import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.Problem;
import dev.primary.server.PrimaryException;
import dev.primary.server.account.Accounts;
import java.util.Map;
import java.util.Optional;

/**
 * Lets a console request through only with a session: a page without one is sent to the login page, a POST also
 * needs the session's CSRF token and must come from this console's own pages (docs/security.md, "Web console").
 * The page then names the caller it acts for; the role each page or action needs is the one of its REST route.
 */
final class ConsoleGuard {
    static final String LOGIN = "/console/login";
    /** Where a streamed upload carries the session's CSRF token: its body is the file, not a form. */
    static final String CSRF_HEADER = "X-CSRF-Token";

    private final Accounts accounts;
    private final ConsoleSecurity security;
    private final ConsoleTemplates templates;

    ConsoleGuard(Accounts accounts, ConsoleSecurity security, ConsoleTemplates templates) {
        this.accounts = accounts;
        this.security = security;
        this.templates = templates;
    }

    /** A page that needs a session. */
    Handler page(ConsolePage page) {
        return request -> session(request).map(session -> {
            request.authenticatedAs(session.caller());
            try {
                return page.render(request, session);
            } catch (PrimaryException e) {
                return failed(request, session, e);
            }
        }).orElseGet(() -> toLogin(request));
    }

    /** A form's POST: a session, a same-origin request and the session's CSRF token, else refused. */
    Handler action(ConsoleAction action) {
        return request -> {
            Optional<ConsoleSession> session = session(request);
            if (session.isEmpty()) {
                return toLogin(request);
            }
            if (!ConsoleSecurity.sameOrigin(request)) {
                return refused("the form was not sent from this console's own pages (Origin / Sec-Fetch-Site)");
            }
            ConsoleForm form = ConsoleForm.of(request);
            if (!security.csrfMatches(session.get().token(), form.field(ConsoleSecurity.CSRF_FIELD))) {
                return refused("the form's CSRF token is missing or wrong; reload the page and try again");
            }
            request.authenticatedAs(session.get().caller());
            try {
                return action.act(request, session.get(), form);
            } catch (PrimaryException e) {
                return failed(request, session.get(), e);
            }
        };
    }

    /**
     * A streamed upload (a {@code PUT} whose body is never held in memory): a session, a same-origin request and the
     * session's CSRF token in {@link #CSRF_HEADER}, else refused with problem JSON before a byte of the body is read.
     */
    UploadHandler upload(ConsoleUpload upload) {
        return (head, contentLength) -> {
            ConsoleSession session = session(head).orElseThrow(() -> new UnauthenticatedRequestException(
                    "the console session has ended; log in again"));
            if (!ConsoleSecurity.sameOrigin(head)) {
                throw new ForbiddenRequestException(
                        "the upload was not sent from this console's own pages (Origin / Sec-Fetch-Site)");
            }
            if (!security.csrfMatches(session.token(), head.header(CSRF_HEADER).orElse(""))) {
                throw new ForbiddenRequestException(
                        "the upload's CSRF token is missing or wrong; reload the page and try again");
            }
            head.authenticatedAs(session.caller());
            return upload.begin(head, session, contentLength);
        };
    }

    /** The session the request's cookie proves; empty without a cookie or for a token that no longer works. */
    Optional<ConsoleSession> session(Request request) {
        String token = ConsoleSecurity.cookie(request, ConsoleSecurity.SESSION_COOKIE);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        return accounts.callerOf(token).map(caller -> new ConsoleSession(token, caller, security.csrfOf(token)));
    }

    /** To the login page (an htmx request is told to go there as a whole page), dropping a cookie that no longer works. */
    static Response toLogin(Request request) {
        Map<String, String> headers = request.header("HX-Request").isPresent()
                ? Map.of("HX-Redirect", LOGIN, "Set-Cookie", ConsoleSecurity.clearedSessionCookie())
                : Map.of("Location", LOGIN, "Set-Cookie", ConsoleSecurity.clearedSessionCookie());
        return new Response(request.header("HX-Request").isPresent() ? 200 : 303, "", new byte[0],
                ConsoleSecurity.headers(headers));
    }

    static Response redirect(String location) {
        return new Response(303, "", new byte[0], ConsoleSecurity.headers(Map.of("Location", location)));
    }

    /** A page that failed as the admin API would (403, 404, ...): its status, its words, in the console's frame. */
    private Response failed(Request request, ConsoleSession session, PrimaryException failure) {
        Response problem = ProblemResponses.of(failure, request.method(), request.path());
        String detail = Json.read(problem.body(), Problem.class).detail();
        return templates.page(problem.status(), "error.jte", ConsoleRoutes.frame(session, "Refused", "")
                .withError("Refused: " + detail), Map.of());
    }

    private static Response refused(String why) {
        return new Response(403, "text/plain; charset=utf-8",
                ("Refused: " + why + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                ConsoleSecurity.HEADERS);
    }

    /** A page rendered for a signed-in session. */
    @FunctionalInterface
    interface ConsolePage {
        Reply render(Request request, ConsoleSession session);
    }

    /** An upload's start, once session, origin and CSRF token are checked: opens where its body goes. */
    @FunctionalInterface
    interface ConsoleUpload {
        UploadSink begin(Request head, ConsoleSession session, long contentLength);
    }

    /** A form's action, once session, origin and CSRF token are checked. */
    @FunctionalInterface
    interface ConsoleAction {
        Reply act(Request request, ConsoleSession session, ConsoleForm form);
    }
}
