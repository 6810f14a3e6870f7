package dev.primary.client.http;

import dev.primary.client.home.CheckInKeyFile;
import dev.primary.client.service.ContactFailedException;
import dev.primary.client.service.PackageBody;
import dev.primary.client.service.Phrases;
import dev.primary.client.service.RequestRefusedException;
import dev.primary.client.service.RequestSequence;
import dev.primary.client.service.ServerConnection;
import dev.primary.client.service.ServerUnreachableException;
import dev.primary.client.service.ServiceSettings;
import dev.primary.protocol.crypto.RequestMac;
import dev.primary.protocol.crypto.RequestSignature;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.json.MalformedJsonException;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.CheckInKey;
import dev.primary.protocol.message.Hello;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.ReportRequest;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.protocol.tls.PinnedTls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client protocol over HTTPS with the JDK's {@link HttpsURLConnection}: trusts only the pinned TLS key,
 * signs every request ({@link RequestSignature}) but check-ins made with a check-in key ({@link RequestMac}, see
 * {@link CheckInKeyFile}; on {@code signature-required} the key is dropped and the check-in signed once more) with a sequence persisted before sending, and on a
 * {@code replayed-request} answer re-synchronises the sequence with the server's clock and retries once; on a
 * {@code sequence-ahead} answer (the sequence lies too far ahead of the server's clock) it re-bases the sequence on the
 * server's clock ({@link RequestSequence#rebase}) and retries once.
 * Requests from several threads (check-ins, a download) go out one at a time up to the answer's headers, so
 * the server sees their sequences in order; a download's body then streams without holding anyone up.
 * <p>
 * {@link HttpsURLConnection} rather than {@code java.net.http.HttpClient}: a client that checks in every few
 * hours should hold no threads and no memory between check-ins. The blocking connection runs on the caller's
 * thread and keeps no selector thread (HttpClient's wakes every 3 s for as long as the client lives) and loads
 * a third of the classes; {@link #abandon()} stands in for HttpClient's interruptible wait.
 */
public final class HttpServerConnection implements ServerConnection {
    static final String VERIFY = "/v1/verify";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(HttpServerConnection.class);

    private final ServiceSettings.ServerEndpoint server;
    private final SigningKey clientKey;
    private final String clientId;
    private final RequestSequence sequence;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final AbandonableSocketFactory socketFactory;
    private final HttpPackageDownload packages;
    private final CheckInKeyFile checkInKeys;
    private final Object requestGate = new Object();
    /** Guards the request in flight and its requester, so that an abandonment never outlives its request. */
    private final Object inFlightLock = new Object();
    private HttpURLConnection inFlight;
    private boolean stopping;
    private volatile HttpURLConnection abandoned;

    public HttpServerConnection(ServiceSettings.ServerEndpoint server, SigningKey clientKey, RequestSequence sequence) {
        this(server, clientKey, sequence, null);
    }

    /**
     * @param checkInKeys where the check-in key is kept: check-ins use it once the server handed one out; {@code null}
     *     signs every request and asks for no key
     */
    public HttpServerConnection(ServiceSettings.ServerEndpoint server, SigningKey clientKey, RequestSequence sequence,
            CheckInKeyFile checkInKeys) {
        this(server, clientKey, sequence, CONNECT_TIMEOUT, REQUEST_TIMEOUT, checkInKeys);
    }

    HttpServerConnection(ServiceSettings.ServerEndpoint server, SigningKey clientKey, RequestSequence sequence,
            Duration connectTimeout, Duration requestTimeout) {
        this(server, clientKey, sequence, connectTimeout, requestTimeout, null);
    }

    HttpServerConnection(ServiceSettings.ServerEndpoint server, SigningKey clientKey, RequestSequence sequence,
            Duration connectTimeout, Duration requestTimeout, CheckInKeyFile checkInKeys) {
        this.checkInKeys = checkInKeys;
        this.server = Objects.requireNonNull(server, "server");
        this.clientKey = Objects.requireNonNull(clientKey, "clientKey");
        this.clientId = clientKey.publicKey().keyId();
        this.sequence = Objects.requireNonNull(sequence, "sequence");
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        SSLContext tls = PinnedTls.trusting(server.tlsPin());
        this.socketFactory = new AbandonableSocketFactory(tls.getSocketFactory());
        this.packages = new HttpPackageDownload(tls.getSocketFactory(), connectTimeout, requestTimeout);
    }

    @Override
    public CheckInAnswer register(RegisterRequest request) throws ContactFailedException {
        return keepCheckInKey(checkInAnswer(post("/v1/register", Json.write(request))));
    }

    @Override
    public CheckInAnswer verify(VerifyRequest request) throws ContactFailedException {
        return keepCheckInKey(checkInAnswer(post(VERIFY, Json.write(request))));
    }

    /** Keeps the check-in key a licensed answer brought. */
    private CheckInAnswer keepCheckInKey(CheckInAnswer answer) {
        if (checkInKeys != null && answer instanceof CheckInAnswer.Licensed licensed) {
            licensed.newCheckInKey().ifPresent(checkInKeys::keep);
        }
        return answer;
    }

    @Override
    public void report(ReportRequest request) throws ContactFailedException {
        post("/v1/report", Json.write(request));
    }

    @Override
    public PackageBody download(String downloadPath, long offset) throws ContactFailedException {
        try {
            return downloadOnce(downloadPath, offset);
        } catch (RequestRefusedException e) {
            resyncOrThrow(e);
            return downloadOnce(downloadPath, offset);
        }
    }

    private PackageBody downloadOnce(String path, long offset) throws ContactFailedException {
        synchronized (requestGate) {
            long number = sequence.next();
            return packages.open(uri(path), path, offset, clientKey, number);
        }
    }

    private byte[] post(String path, byte[] body) throws ContactFailedException {
        try {
            return postOnce(path, body);
        } catch (RequestRefusedException e) {
            if (e.is(ProblemType.SIGNATURE_REQUIRED) && VERIFY.equals(path) && checkInKeys != null
                    && checkInKeys.current().isPresent()) {
                LOG.info("{} no longer takes check-in key version {} ({}): signing the check-in to get a new one",
                        server.address(), checkInKeys.current().get().version(), e.problem().detail());
                checkInKeys.drop();
                return post(path, body);
            }
            resyncOrThrow(e);
            return postOnce(path, body);
        }
    }

    /**
     * Brings the sequence in line with the server's clock when {@code refused} is about the sequence (replayed, or too
     * far ahead), so that the caller may retry once; rethrows any other refusal.
     */
    private void resyncOrThrow(RequestRefusedException refused) throws ContactFailedException {
        if (refused.is(ProblemType.REPLAYED_REQUEST)) {
            LOG.warn("{} refused sequence {} as replayed ({}): re-synchronising with the server's clock and retrying once",
                    server.address(), sequence.last(), refused.problem().detail());
            sequence.resync(serverTime());
        } else if (refused.is(ProblemType.SEQUENCE_AHEAD)) {
            long refusedSequence = sequence.last();
            Instant serverTime = serverTime();
            sequence.rebase(serverTime);
            LOG.warn("{} refused sequence {} as too far ahead of its clock ({}): re-based the sequence on the server's "
                    + "time {} ({}) and retrying once", server.address(), refusedSequence, refused.problem().detail(),
                    serverTime, clockSkew(sequence.offsetMillis()));
        } else {
            throw refused;
        }
    }

    /** How this computer's clock stands against the server's, {@code offsetMillis} being server minus client. */
    private static String clockSkew(long offsetMillis) {
        if (Math.abs(offsetMillis) < 1000) {
            return "this computer's clock agrees with the server's";
        }
        return "this computer's clock is " + Phrases.duration(Duration.ofMillis(offsetMillis))
                + (offsetMillis < 0 ? " ahead of" : " behind") + " the server's";
    }

    private byte[] postOnce(String path, byte[] body) throws ContactFailedException {
        synchronized (requestGate) {
            return postInOrder(path, body);
        }
    }

    /** Signs the request, or for a check-in with a check-in key held, authenticates it with that key. */
    private byte[] postInOrder(String path, byte[] body) throws ContactFailedException {
        long number = sequence.next();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(RequestSignature.CLIENT_ID, clientId);
        headers.put(RequestSignature.SEQUENCE, Long.toString(number));
        Optional<CheckInKey> key = checkInKeys != null && VERIFY.equals(path) ? checkInKeys.current() : Optional.empty();
        if (key.isPresent()) {
            headers.put(RequestMac.KEY_VERSION, Integer.toString(key.get().version()));
            headers.put(RequestMac.MAC, RequestMac.header(key.get().bytes(), "POST", path, clientId, number, body));
        } else {
            headers.put(RequestSignature.SIGNATURE, RequestSignature.sign(clientKey, "POST", path, number, body));
            if (checkInKeys != null) {
                headers.put(RequestMac.TAKES_KEY, RequestMac.TAKES_KEY_VALUE);
            }
        }
        return successBody(path, send(path, body, headers));
    }

    private Instant serverTime() throws ContactFailedException {
        byte[] body = successBody("/v1/hello", send("/v1/hello", null, Map.of()));
        try {
            return Json.read(body, Hello.class).time();
        } catch (MalformedJsonException e) {
            throw new ServerUnreachableException("answered GET /v1/hello with something that is not a hello: "
                    + e.getMessage());
        }
    }

    /**
     * Abandons the request in flight, if any, and every later one: the service stops (from any thread). The request's
     * connection is closed, also while it still connects or shakes hands, and the waiting caller gets a
     * {@link ServerUnreachableException} at once instead of after the request timeout; so does any request after.
     */
    @Override
    public void abandon() {
        synchronized (inFlightLock) {
            stopping = true;
            // marked before anything is closed: the requester's failure is read as this abandonment (wasAbandoned)
            if (inFlight != null) {
                abandoned = inFlight;
            }
            socketFactory.closeAll();
            if (inFlight != null) {
                inFlight.disconnect();
            }
        }
    }

    /** POSTs {@code body} with its authentication {@code headers}, or GETs when {@code body} is null; the whole answer. */
    private Answer send(String path, byte[] body, Map<String, String> headers) throws ServerUnreachableException {
        HttpsURLConnection http = null;
        try {
            http = open(path);
            synchronized (inFlightLock) {
                if (stopping) {
                    abandoned = http;
                    throw new IOException("abandoned: the service stops");
                }
                inFlight = http;
            }
            if (body == null) {
                http.setRequestMethod("GET");
            } else {
                writeSigned(http, body, headers);
            }
            int status = http.getResponseCode();
            byte[] answer = readAll(status < 400 ? http.getInputStream() : http.getErrorStream());
            return new Answer(status, answer, status < 400 ? null : http.getHeaderField("Retry-After"));
        } catch (RuntimeException e) {
            if (wasAbandoned(http)) {
                // The JDK's connection may fail this way when another thread disconnects it mid-answer.
                throw new ServerUnreachableException("interrupted while waiting for the server", e);
            }
            throw e;
        } catch (IOException e) {
            if (http != null) {
                http.disconnect();
            }
            if (wasAbandoned(http)) {
                throw new ServerUnreachableException("interrupted while waiting for the server", e);
            }
            throw new ServerUnreachableException(TransportFailure.describe(e, connectTimeout, requestTimeout), e);
        } finally {
            synchronized (inFlightLock) {
                inFlight = null;
                socketFactory.forget(Thread.currentThread());
            }
        }
    }

    /**
     * Whether {@code http} failed because {@link #abandon} closed it. Taken under the lock {@code abandon} holds while
     * it closes, so a failure its closing caused is never read before the abandonment is marked.
     */
    private boolean wasAbandoned(HttpURLConnection http) {
        synchronized (inFlightLock) {
            return http != null && http == abandoned;
        }
    }

    /** A connection to {@code path} over the pinned TLS (trust from the pin alone), with this client's timeouts. */
    private HttpsURLConnection open(String path) throws IOException {
        HttpsURLConnection http = (HttpsURLConnection) uri(path).toURL().openConnection();
        http.setSSLSocketFactory(socketFactory);
        http.setHostnameVerifier((host, session) -> true);
        http.setConnectTimeout((int) connectTimeout.toMillis());
        http.setReadTimeout((int) requestTimeout.toMillis());
        http.setInstanceFollowRedirects(false);
        http.setUseCaches(false);
        http.setRequestProperty("Accept", "application/json");
        return http;
    }

    /**
     * Sends {@code body} as a signed POST. Not in streaming mode: there a 401 answer (an unknown client) would end
     * in an exception without its problem document.
     */
    private void writeSigned(HttpsURLConnection http, byte[] body, Map<String, String> headers) throws IOException {
        http.setRequestMethod("POST");
        http.setRequestProperty("Content-Type", "application/json");
        headers.forEach(http::setRequestProperty);
        http.setDoOutput(true);
        try (OutputStream out = http.getOutputStream()) {
            out.write(body);
        }
    }

    /** Reads and closes {@code in} (kept open to the server for the next request); an absent body is empty. */
    private static byte[] readAll(InputStream in) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        try (in) {
            return in.readAllBytes();
        }
    }

    /** An answer's status, whole body and {@code Retry-After} header ({@code null} when absent). */
    private record Answer(int status, byte[] body, String retryAfter) {}

    private byte[] successBody(String path, Answer answer) throws ContactFailedException {
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return answer.body();
        }
        Problem problem = problemOf(answer);
        if (status >= 500) {
            throw new ServerUnreachableException("answered " + path + " with HTTP " + status
                    + (problem.detail().isEmpty() ? "" : ": " + problem.detail()));
        }
        throw new RequestRefusedException(problem, RetryAfter.parse(answer.retryAfter()).orElse(null));
    }

    private static Problem problemOf(Answer answer) {
        try {
            return Json.read(answer.body(), Problem.class);
        } catch (MalformedJsonException e) {
            return new Problem("about:blank", "HTTP " + answer.status(), answer.status(),
                    "the answer is not a problem document");
        }
    }

    private static CheckInAnswer checkInAnswer(byte[] body) throws ServerUnreachableException {
        try {
            return Json.read(body, CheckInAnswer.class);
        } catch (MalformedJsonException e) {
            throw new ServerUnreachableException("answered with something that is not a check-in answer: "
                    + e.getMessage());
        }
    }

    private URI uri(String path) {
        return URI.create("https://" + server.address() + path);
    }
}
