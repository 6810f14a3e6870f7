package dev.primary.admin;

import dev.primary.testkit.LoopbackHttpServer;
import com.sun.net.httpserver.HttpExchange;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the admin API: HTTPS on a loopback port with a throwaway certificate, canned JSON
 * answers per route, the bearer token checked on every request, and every request recorded.
 */
final class FakeAdminServer implements AutoCloseable {
    static final String TOKEN = "fake-admin-token-5f2b9c0e7a";

    private final Map<String, Canned> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final LoopbackHttpServer server;

    /** One request as the server saw it: {@code GET}, path with query, body, its Content-Type (empty if none). */
    record Request(String method, String pathAndQuery, String body, String contentType) {
        /** The JSON body read as {@code type}, the way the server reads it. */
        <T> T bodyAs(Class<T> type) {
            return Json.read(body.getBytes(StandardCharsets.UTF_8), type);
        }

        /** {@code POST /admin/v1/...}: method and path with query, for comparing routes. */
        String route() {
            return method + " " + pathAndQuery;
        }
    }

    private record Canned(int status, String contentType, String body) {
    }

    FakeAdminServer() {
        server = LoopbackHttpServer.https(this::handle);
    }

    /** Answers {@code method path} (path without query) with {@code body} written as JSON. */
    FakeAdminServer answer(String method, String path, int status, Object body) {
        routes.put(method + " " + path, new Canned(status, "application/json", new String(Json.write(body), StandardCharsets.UTF_8)));
        return this;
    }

    FakeAdminServer problem(String method, String path, ProblemType type, String detail) {
        routes.put(method + " " + path, new Canned(type.status(), Problem.MEDIA_TYPE,
                new String(Json.write(Problem.of(type, detail)), StandardCharsets.UTF_8)));
        return this;
    }

    /** Forgets the canned answers and the requests seen, for the next test. */
    void reset() {
        routes.clear();
        requests.clear();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The one request received; fails when there were none or several. */
    Request onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + requests);
        }
        return requests.get(0);
    }

    String url() {
        return "https://127.0.0.1:" + server.port();
    }

    String pin() {
        return server.pin().value();
    }

    /** Writes {@code admin-endpoint} and {@code admin-token} into {@code dataDirectory}, as the server does at start. */
    Path writeDataDirectory(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        Files.writeString(dataDirectory.resolve("admin-endpoint"),
                "{\n  \"url\" : \"" + url() + "\",\n  \"tlsPin\" : \"" + pin() + "\"\n}\n");
        Files.writeString(dataDirectory.resolve("admin-token"), TOKEN + "\n");
        return dataDirectory;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        requests.add(new Request(method, rawQuery == null ? rawPath : rawPath + "?" + rawQuery, body,
                contentType == null ? "" : contentType));
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, ProblemType.UNAUTHENTICATED, "missing or wrong admin token");
            return;
        }
        Canned canned = routes.get(method + " " + rawPath);
        if (canned == null) {
            send(exchange, ProblemType.NOT_FOUND, "no route " + method + " " + rawPath);
            return;
        }
        LoopbackHttpServer.answer(exchange, canned.status(), canned.contentType(), canned.body());
    }

    private static void send(HttpExchange exchange, ProblemType type, String detail) throws IOException {
        LoopbackHttpServer.answer(exchange, type.status(), Problem.MEDIA_TYPE,
                new String(Json.write(Problem.of(type, detail)), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.close();
    }
}
