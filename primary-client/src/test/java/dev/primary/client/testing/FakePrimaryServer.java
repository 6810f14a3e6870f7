package dev.primary.client.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.primary.client.config.ClientConfiguration;
import dev.primary.protocol.crypto.Base64Url;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.crypto.RequestSignature;
import dev.primary.protocol.crypto.Sha256;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.EnrollmentCheck;
import dev.primary.protocol.message.EnrollmentCheckAnswer;
import dev.primary.protocol.message.Hello;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.ReportRequest;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.protocol.release.ContentDirective;
import dev.primary.protocol.release.UpdateDirective;
import dev.primary.protocol.tls.TlsPin;
import dev.primary.testkit.ThrowawayCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A small Primary Server over real HTTPS (JDK {@link HttpsServer}, port 0, a throwaway certificate)
 * that speaks the client protocol: checks request signatures and sequences (refusing a sequence more than the
 * sequence margin ahead of its clock), licenses every client (with the update and content directives a test sets),
 * asks for an enrollment token once a test issues one, answers token checks, serves packages with HTTP ranges (and
 * can cut a download mid-body), and records what it received. Tests replace the handler of any path.
 */
public final class FakePrimaryServer implements AutoCloseable {
    private static final String PACKAGES = "/v1/packages/";

    private final ThrowawayCertificate tls = ThrowawayCertificate.create();
    private final LeaseMaker keys = new LeaseMaker();
    private final ReleaseSigner releases = new ReleaseSigner();
    private final HttpsServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final Map<String, PublicKey> clients = new ConcurrentHashMap<>();
    private final Map<String, Long> lastSequence = new ConcurrentHashMap<>();
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> packages = new ConcurrentHashMap<>();
    private final List<PackageSent> packagesSent = new CopyOnWriteArrayList<>();
    private final AtomicLong cutNextDownloadAfter = new AtomicLong(-1);
    private final AtomicLong pauseNextDownloadAfter = new AtomicLong(-1);
    private volatile CountDownLatch downloadResume = new CountDownLatch(0);
    private volatile Duration leaseValidity = Duration.ofDays(7);
    private volatile Instant helloTime;
    private volatile Duration sequenceMargin = Duration.ofHours(1);
    private final Map<String, EnrollmentCheckAnswer> tokens = new ConcurrentHashMap<>();
    private final Map<String, ProblemType> refusedTokens = new ConcurrentHashMap<>();
    private volatile List<UpdateDirective> updates = List.of();
    private volatile ContentDirective content;

    /** A request as received; header names are lower-case. */
    public record Request(String method, String path, String clientId, long sequence, String signature, byte[] body,
            Map<String, String> headers) {
        public <T> T bodyAs(Class<T> type) {
            return Json.read(body, type);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * An answer to send.
     *
     * @param headers extra headers
     * @param cutAfter when not negative: send only this many body bytes, then drop the connection
     */
    public record Response(int status, String contentType, byte[] body, Map<String, String> headers, long cutAfter) {
        public Response(int status, String contentType, byte[] body) {
            this(status, contentType, body, Map.of(), -1);
        }

        public static Response json(int status, Object value) {
            return new Response(status, "application/json", Json.write(value));
        }

        public static Response problem(ProblemType type, String detail) {
            return new Response(type.status(), Problem.MEDIA_TYPE, Json.write(Problem.of(type, detail)));
        }

        /** A 429 {@code too-many-requests} asking the client to wait {@code retryAfterSeconds}. */
        public static Response tooManyRequests(long retryAfterSeconds, String detail) {
            return new Response(429, Problem.MEDIA_TYPE, Json.write(Problem.of(ProblemType.TOO_MANY_REQUESTS, detail)),
                    Map.of("Retry-After", Long.toString(retryAfterSeconds)), -1);
        }

        public static Response noContent() {
            return new Response(204, "application/json", new byte[0]);
        }
    }

    /** A package response as sent: the Range asked for, the status, and how many body bytes went out. */
    public record PackageSent(String path, String range, int status, long bytesSent) {
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
        handlers.put("/v1/enrollment/check", this::checkToken);
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

    /** Sets this server's clock: {@code GET /v1/hello} reports it, and sequences are judged by it (default: the real time). */
    public void helloTime(Instant time) {
        this.helloTime = time;
    }

    /** The server's clock: the time set with {@link #helloTime}, else the real time. */
    public Instant now() {
        return helloTime != null ? helloTime : Instant.now();
    }

    /** Sequences further ahead of this server's clock than {@code margin} are refused ({@code sequence-ahead}); default 1 h. */
    public void sequenceMargin(Duration margin) {
        this.sequenceMargin = margin;
    }

    /**
     * Issues an enrollment token (as {@code primary-admin enrollment create} prints it) that the token check describes
     * with {@code answer}'s label, group, uses left and expiry. From the first issued token on, this server registers only
     * clients that send an issued token (no open enrollment).
     */
    public String issueToken(EnrollmentCheckAnswer answer) {
        String token = answer.tokenId() + "." + Base64Url.encode(Sha256.of(answer.tokenId().getBytes()));
        tokens.put(token, answer);
        return token;
    }

    /** From now on the token is refused as {@code why} ({@code enrollment-token-expired}, ...), at check and at register. */
    public void refuseToken(String token, ProblemType why) {
        refusedTokens.put(token, why);
    }

    /** From now on licensed answers carry these update directives. */
    public void direct(List<UpdateDirective> directives) {
        this.updates = List.copyOf(directives);
    }

    /** From now on licensed answers carry this content directive ({@code null}: none). */
    public void directContent(ContentDirective directive) {
        this.content = directive;
    }

    /** Serves {@code bytes} at {@code /v1/packages/<sha256>}; returns the SHA-256. */
    public String servePackage(byte[] bytes) {
        String sha256 = Sha256.hex(bytes);
        packages.put(sha256, bytes.clone());
        return sha256;
    }

    /** Serves {@code bytes} at {@code /v1/packages/<sha256>} whatever their digest (a tampered package). */
    public void servePackageAt(String sha256, byte[] bytes) {
        packages.put(sha256, bytes.clone());
    }

    /** The next package download sends only {@code bytes} body bytes, then the connection is dropped. */
    public void cutNextDownloadAfter(long bytes) {
        cutNextDownloadAfter.set(bytes);
    }

    /**
     * The next package download sends {@code bytes} body bytes, then waits until the returned latch is counted down
     * (a minute at most: that bounds a failing test only), then sends the rest.
     */
    public CountDownLatch pauseNextDownloadAfter(long bytes) {
        CountDownLatch resume = new CountDownLatch(1);
        downloadResume = resume;
        pauseNextDownloadAfter.set(bytes);
        return resume;
    }

    public List<PackageSent> packagesSent() {
        return List.copyOf(packagesSent);
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

    /** The release-signing key this server trusts, pinned by clients installed with {@link #configServer()}. */
    public ReleaseSigner releases() {
        return releases;
    }

    /** The {@code server} section of a {@code client.json} pointing here, with this server's release key pinned. */
    public ClientConfiguration.Server configServer() {
        return new ClientConfiguration.Server("127.0.0.1", port(), pin().value(), keys.publicKey().encoded(),
                keys.serverId(), List.of(releases.publicKey().encoded()));
    }

    public List<Request> received() {
        return List.copyOf(received);
    }

    public List<Request> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    public List<ReportRequest> reports() {
        return received("/v1/report").stream().map(request -> request.bodyAs(ReportRequest.class)).toList();
    }

    public List<VerifyRequest> verifies() {
        return received("/v1/verify").stream().map(request -> request.bodyAs(VerifyRequest.class)).toList();
    }

    public Hello hello() {
        return new Hello(Hello.PRODUCT, Hello.PROTOCOL_VERSION, keys.serverId(), "0.1.0",
                now(), keys.publicKey().encoded(), pin().value(),
                List.of(releases.publicKey().encoded()));
    }

    /**
     * The default register handling: the client's key comes in the body and must verify the signature; once a token was
     * issued, a client this server does not know must send one.
     */
    public Response register(Request request) {
        RegisterRequest body = request.bodyAs(RegisterRequest.class);
        PublicKey key = PublicKey.decode(body.clientKey());
        if (!key.keyId().equals(request.clientId())) {
            return Response.problem(ProblemType.SIGNATURE_INVALID, "client id does not match the client key");
        }
        if (!clients.containsKey(key.keyId()) && !tokens.isEmpty()) {
            Response refused = tokenRefusal(body.enrollmentToken());
            if (refused != null) {
                return refused;
            }
        }
        clients.put(key.keyId(), key);
        return authenticated(request, () -> licensed(request.clientId()));
    }

    private Response checkToken(Request request) {
        EnrollmentCheck check = request.bodyAs(EnrollmentCheck.class);
        Response refused = tokenRefusal(check.enrollmentToken());
        return refused != null ? refused : Response.json(200, tokens.get(check.enrollmentToken()));
    }

    /** Why {@code token} enrolls no computer, or {@code null} when it does. */
    private Response tokenRefusal(String token) {
        if (token.isEmpty()) {
            return Response.problem(ProblemType.ENROLLMENT_TOKEN_REQUIRED, "this server enrolls only clients with an "
                    + "enrollment token");
        }
        EnrollmentCheckAnswer issued = tokens.get(token);
        if (issued == null) {
            return Response.problem(ProblemType.ENROLLMENT_TOKEN_INVALID, "no enrollment token " + idOf(token)
                    + " was issued by this server");
        }
        ProblemType refusal = refusedTokens.get(token);
        if (refusal != null) {
            return Response.problem(refusal, "enrollment token " + issued.tokenId() + " (" + issued.label() + ") is "
                    + refusal.title().toLowerCase(Locale.ROOT).replace("enrollment token ", ""));
        }
        return null;
    }

    private static String idOf(String token) {
        int dot = token.indexOf('.');
        return dot < 0 ? "(malformed)" : token.substring(0, dot);
    }

    public Response licensed(String clientId) {
        return Response.json(200, new CheckInAnswer.Licensed(keys.lease(clientId, Instant.now(), leaseValidity), 14400,
                updates, content));
    }

    private Response authenticated(Request request, Supplier<Response> then) {
        PublicKey key = clients.get(request.clientId());
        if (key == null) {
            return Response.problem(ProblemType.UNKNOWN_CLIENT, "no client " + request.clientId() + " is registered");
        }
        byte[] signed = RequestSignature.signedBytes(request.method(), request.path(), request.clientId(),
                request.sequence(), request.body());
        if (request.signature() == null || !key.verifies(signed, Base64Url.decode(request.signature()))) {
            return Response.problem(ProblemType.SIGNATURE_INVALID, "request signature does not verify");
        }
        Instant latest = now().plus(sequenceMargin);
        if (request.sequence() > latest.toEpochMilli()) {
            return Response.problem(ProblemType.SEQUENCE_AHEAD, "sequence " + request.sequence() + " lies more than "
                    + sequenceMargin.toMinutes() + " min ahead of this server's clock (" + now() + ")");
        }
        Long last = lastSequence.get(request.clientId());
        if (last != null && request.sequence() <= last) {
            return Response.problem(ProblemType.REPLAYED_REQUEST, "sequence " + request.sequence()
                    + " is not larger than the last accepted " + last);
        }
        lastSequence.put(request.clientId(), request.sequence());
        return then.get();
    }

    private Response packageResponse(Request request) {
        byte[] bytes = packages.get(request.path().substring(PACKAGES.length()));
        if (bytes == null) {
            return Response.problem(ProblemType.NOT_FOUND, "no package at " + request.path());
        }
        String range = request.header("Range");
        long from = 0;
        if (range != null) {
            from = Long.parseLong(range.replaceFirst("^bytes=(\\d+)-$", "$1"));
            if (from >= bytes.length) {
                return new Response(416, Problem.MEDIA_TYPE, Json.write(new Problem("about:blank",
                        "Range not satisfiable", 416, "the package has " + bytes.length + " bytes")),
                        Map.of("Content-Range", "bytes */" + bytes.length), -1);
            }
        }
        byte[] body = Arrays.copyOfRange(bytes, (int) from, bytes.length);
        Map<String, String> headers = range == null ? Map.of()
                : Map.of("Content-Range", "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length);
        return new Response(range == null ? 200 : 206, "application/octet-stream", body, headers,
                cutNextDownloadAfter.getAndSet(-1));
    }

    private void exchange(HttpExchange exchange) throws IOException {
        Request request = read(exchange);
        received.add(request);
        Handler handler = handlers.get(request.path());
        if (handler == null && request.path().startsWith(PACKAGES)) {
            handler = packageRequest -> authenticated(packageRequest, () -> packageResponse(packageRequest));
        }
        Response response = handler == null ? Response.problem(ProblemType.NOT_FOUND, "no such path")
                : handler.handle(request);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (response.body().length == 0) {
            exchange.sendResponseHeaders(response.status(), -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(response.status(), response.body().length);
        OutputStream out = exchange.getResponseBody();
        if (response.cutAfter() >= 0) {
            out.write(response.body(), 0, (int) Math.min(response.cutAfter(), response.body().length));
            out.flush();
            sent(request, response, response.cutAfter());
            throw new IOException("connection cut after " + response.cutAfter() + " bytes, as the test asked");
        }
        long pauseAfter = request.path().startsWith(PACKAGES) ? pauseNextDownloadAfter.getAndSet(-1) : -1;
        if (pauseAfter >= 0) {
            out.write(response.body(), 0, (int) pauseAfter);
            out.flush();
            pause(downloadResume);
            out.write(response.body(), (int) pauseAfter, response.body().length - (int) pauseAfter);
        } else {
            out.write(response.body());
        }
        out.close();
        exchange.close();
        sent(request, response, response.body().length);
    }

    private static void pause(CountDownLatch resume) throws IOException {
        try {
            resume.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while pausing a download", e);
        }
    }

    private void sent(Request request, Response response, long bytes) {
        if (request.path().startsWith(PACKAGES)) {
            packagesSent.add(new PackageSent(request.path(), request.header("Range"), response.status(), bytes));
        }
    }

    private static Request read(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        String sequence = headers.get(RequestSignature.SEQUENCE.toLowerCase(Locale.ROOT));
        return new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                headers.get(RequestSignature.CLIENT_ID.toLowerCase(Locale.ROOT)),
                sequence == null ? -1 : Long.parseLong(sequence),
                headers.get(RequestSignature.SIGNATURE.toLowerCase(Locale.ROOT)), body, Map.copyOf(headers));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
