package dev.primary.server.http;

import dev.primary.protocol.admin.AccountRole;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.Problem;
import dev.primary.server.account.Caller;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.util.Map;
import java.util.Objects;

/**
 * A console action carried out as its admin REST route: the same role rule ({@link AdminAccessPolicy}), the same
 * handler, so the same validation and the same audit entry under the acting account. The console adds no second
 * implementation of any action.
 */
final class AdminApiCall {
    private volatile RouteTable routes;

    /** The admin port's routes, once built: calls before that are a programming error. */
    void callThrough(RouteTable value) {
        routes = Objects.requireNonNull(value, "routes");
    }

    /**
     * {@code POST path} with a JSON body as {@code caller}.
     *
     * @return the route's answer, or its refusal with the problem's status and detail
     */
    Outcome post(Caller caller, String path, byte[] json, String remoteAddress) {
        RouteTable table = routes;
        if (table == null) {
            throw new IllegalStateException("the admin routes are not built yet");
        }
        try {
            authorize(caller, "POST", path);
            RouteTable.Match<Handler> match = table.resolve("POST", path);
            DefaultHttpHeaders headers = new DefaultHttpHeaders();
            headers.set("Content-Type", Response.JSON);
            Request request = new Request("POST", path, match.parameters(), Map.of(), headers, json, remoteAddress);
            request.authenticatedAs(caller);
            Reply reply = match.handler().handle(request);
            return new Outcome(reply.status(), reply instanceof Response response ? response.body() : new byte[0], "");
        } catch (RuntimeException e) {
            Response problem = ProblemResponses.of(e, "POST", path);
            return new Outcome(problem.status(), problem.body(), Json.read(problem.body(), Problem.class).detail());
        }
    }

    /** Throws the admin API's 403 when {@code caller} lacks the role its route {@code method path} needs. */
    static void authorize(Caller caller, String method, String path) {
        AccountRole needed = AdminAccessPolicy.required(method, path);
        if (!caller.role().includes(needed)) {
            throw new ForbiddenRequestException(caller, needed, method, path);
        }
    }

    /** Whether {@code caller} holds the role {@code method path} needs. */
    static boolean allowed(Caller caller, String method, String path) {
        return caller.role().includes(AdminAccessPolicy.required(method, path));
    }

    /**
     * What the route answered.
     *
     * @param status the HTTP status
     * @param body the answer's body (JSON)
     * @param refusal the problem's detail when it refused; empty on success
     */
    record Outcome(int status, byte[] body, String refusal) {
        boolean succeeded() {
            return status < 400;
        }
    }
}
