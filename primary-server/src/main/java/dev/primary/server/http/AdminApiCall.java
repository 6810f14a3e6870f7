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
        RouteTable table = built();
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
            return refusal(e, "POST", path);
        }
    }

    /**
     * {@code GET path} as {@code caller}: for a read the console takes as its REST route answers it.
     *
     * @return the route's answer, or its refusal with the problem's status and detail
     */
    Outcome get(Caller caller, String path, String remoteAddress) {
        RouteTable table = built();
        try {
            authorize(caller, "GET", path);
            RouteTable.Match<Handler> match = table.resolve("GET", path);
            Request request = new Request("GET", path, match.parameters(), Map.of(), new DefaultHttpHeaders(),
                    new byte[0], remoteAddress);
            request.authenticatedAs(caller);
            Reply reply = match.handler().handle(request);
            return new Outcome(reply.status(), reply instanceof Response response ? response.body() : new byte[0], "");
        } catch (RuntimeException e) {
            return refusal(e, "GET", path);
        }
    }

    /**
     * Opens the body of {@code PUT path} (an upload route, {@code PUT /admin/v1/packages/{sha256}}) as {@code caller}:
     * the same role rule and the same handler, whose sink then takes the console request's streamed body.
     *
     * @param head the console request's head, for its headers and address
     * @throws RuntimeException the route's refusal, before a byte of the body is read
     */
    UploadSink upload(Caller caller, String path, Request head, long contentLength) {
        RouteTable table = built();
        authorize(caller, "PUT", path);
        RouteTable.Match<UploadHandler> match = table.resolveUpload("PUT", path);
        Request request = new Request("PUT", path, match.parameters(), Map.of(), new DefaultHttpHeaders(),
                new byte[0], head.remoteAddress());
        request.authenticatedAs(caller);
        return match.handler().begin(request, contentLength);
    }

    private RouteTable built() {
        RouteTable table = routes;
        if (table == null) {
            throw new IllegalStateException("the admin routes are not built yet");
        }
        return table;
    }

    private static Outcome refusal(RuntimeException failure, String method, String path) {
        Response problem = ProblemResponses.of(failure, method, path);
        return new Outcome(problem.status(), problem.body(), Json.read(problem.body(), Problem.class).detail());
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
