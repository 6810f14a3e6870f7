package dev.primary.client.testing;

import dev.primary.testkit.ThrowawayCertificate;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.primary.client.config.ClientConfiguration;
import dev.primary.protocol.crypto.Base64Url;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.crypto.RequestSignature;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.Hello;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.tls.TlsPin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small Primary Server over real HTTPS (JDK {@link HttpsServer}, port 0, a throwaway certificate)
 * that speaks the client protocol: checks request signatures and sequences, licenses every client,
 * and records what it received. Tests replace the handler of any path.
 */
public final class FakePrimaryServer implements AutoCloseable {
    private final ThrowawayCertificate tls = ThrowawayCertificate.create();
    private final LeaseMaker keys = new LeaseMaker();
    private final HttpsServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final Map<String, PublicKey> clients = new ConcurrentHashMap<>();
    private final Map<String, Long> lastSequence = new ConcurrentHashMap<>();
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private volatile Duration leaseValidity = Duration.ofDays(7);
    private volatile Instant helloTime;

    /** A request as received. */
    public record Request(String method, String path, String clientId, long sequence, String signature, byte[] body) {
        public <T> T bodyAs(Class<T> type) {
            return Json.read(body, type);
        }
    }

    /** An answer to send. */
    public record Response(int status, String contentType, byte[] body) {
        public static Response json(int status, Object value) {
            return new Response(status, "application/json", Json.write(value));
        }

        public static Response problem(ProblemType type, String detail) {
            return new Response(type.status(), Problem.MEDIA_TYPE, Json.write(Problem.of(type, detail)));
        }

        public static Response noContent() {
            return new Response(204, "application/json", new byte[0]);
        }
    }

    @FunctionalInterface
    public interface Handler {
        Response handle(Request request);
    }

    private FakePrimaryServer() throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls.sslContext()));
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        handlers.put("/v1/hello", request -> Response.json(200, hello()));
        handlers.put("/v1/register", this::register);
        handlers.put("/v1/verify", request -> authenticated(request, () -> licensed(request.clientId())));
        handlers.put("/v1/report", request -> authenticated(request, Response::noContent));
    }

    public static FakePrimaryServer start() {
        try {
            FakePrimaryServer fake = new FakePrimaryServer();
            fake.server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void on(String path, Handler handler) {
        handlers.put(path, handler);
    }

    public void leaseValidity(Duration validity) {
        this.leaseValidity = validity;
    }

    /** Makes {@code GET /v1/hello} report this time (default: the real time). */
    public void helloTime(Instant time) {
        this.helloTime = time;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public TlsPin pin() {
        return tls.pin();
    }

    public LeaseMaker keys() {
        return keys;
    }

    /** The {@code server} section of a {@code client.json} pointing here. */
    public ClientConfiguration.Server configServer() {
        return new ClientConfiguration.Server("127.0.0.1", port(), pin().value(), keys.publicKey().encoded(),
                keys.serverId());
    }

    public List<Request> received() {
        return List.copyOf(received);
    }

    public List<Request> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    public Hello hello() {
        return new Hello(Hello.PRODUCT, Hello.PROTOCOL_VERSION, keys.serverId(), "0.1.0",
                helloTime != null ? helloTime : Instant.now(), keys.publicKey().encoded(), pin().value());
    }

    /** The default register handling: the client's key comes in the body and must verify the signature. */
    public Response register(Request request) {
        RegisterRequest body = request.bodyAs(RegisterRequest.class);
        PublicKey key = PublicKey.decode(body.clientKey());
        if (!key.keyId().equals(request.clientId())) {
            return Response.problem(ProblemType.SIGNATURE_INVALID, "client id does not match the client key");
        }
        clients.put(key.keyId(), key);
        return authenticated(request, () -> licensed(request.clientId()));
    }

    public Response licensed(String clientId) {
        return Response.json(200, new CheckInAnswer.Licensed(keys.lease(clientId, Instant.now(), leaseValidity), 14400));
    }

    private Response authenticated(Request request, java.util.function.Supplier<Response> then) {
        PublicKey key = clients.get(request.clientId());
        if (key == null) {
            return Response.problem(ProblemType.UNKNOWN_CLIENT, "no client " + request.clientId() + " is registered");
        }
        byte[] signed = RequestSignature.signedBytes(request.method(), request.path(), request.clientId(),
                request.sequence(), request.body());
        if (!key.verifies(signed, Base64Url.decode(request.signature()))) {
            return Response.problem(ProblemType.SIGNATURE_INVALID, "request signature does not verify");
        }
        Long last = lastSequence.get(request.clientId());
        if (last != null && request.sequence() <= last) {
            return Response.problem(ProblemType.REPLAYED_REQUEST, "sequence " + request.sequence()
                    + " is not larger than the last accepted " + last);
        }
        lastSequence.put(request.clientId(), request.sequence());
        return then.get();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String sequence = exchange.getRequestHeaders().getFirst(RequestSignature.SEQUENCE);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst(RequestSignature.CLIENT_ID),
                    sequence == null ? -1 : Long.parseLong(sequence),
                    exchange.getRequestHeaders().getFirst(RequestSignature.SIGNATURE), body);
            received.add(request);
            Handler handler = handlers.get(request.path());
            Response response = handler == null ? Response.problem(ProblemType.NOT_FOUND, "no such path")
                    : handler.handle(request);
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            if (response.body().length == 0) {
                exchange.sendResponseHeaders(response.status(), -1);
                return;
            }
            exchange.sendResponseHeaders(response.status(), response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
