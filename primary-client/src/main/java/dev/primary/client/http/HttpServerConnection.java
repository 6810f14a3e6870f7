package dev.primary.client.http;

import dev.primary.client.service.ContactFailedException;
import dev.primary.client.service.PackageBody;
import dev.primary.client.service.RequestRefusedException;
import dev.primary.client.service.RequestSequence;
import dev.primary.client.service.ServerConnection;
import dev.primary.client.service.ServerUnreachableException;
import dev.primary.client.service.ServiceSettings;
import dev.primary.protocol.crypto.RequestSignature;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.json.MalformedJsonException;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.Hello;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.ReportRequest;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.protocol.tls.PinnedTls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client protocol over HTTPS with the JDK's {@link HttpClient}: trusts only the pinned TLS key,
 * signs every request ({@link RequestSignature}) with a sequence persisted before sending, and on a
 * {@code replayed-request} answer re-synchronises the sequence with the server's clock and retries once.
 * Requests from several threads (check-ins, a download) go out one at a time up to the answer's headers, so
 * the server sees their sequences in order; a download's body then streams without holding anyone up.
 */
public final class HttpServerConnection implements ServerConnection {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(HttpServerConnection.class);

    private final ServiceSettings.ServerEndpoint server;
    private final SigningKey clientKey;
    private final String clientId;
    private final RequestSequence sequence;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final HttpClient client;
    private final HttpPackageDownload packages;
    private final Object requestGate = new Object();

    public HttpServerConnection(ServiceSettings.ServerEndpoint server, SigningKey clientKey, RequestSequence sequence) {
        this(server, clientKey, sequence, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    HttpServerConnection(ServiceSettings.ServerEndpoint server, SigningKey clientKey, RequestSequence sequence,
            Duration connectTimeout, Duration requestTimeout) {
        this.server = Objects.requireNonNull(server, "server");
        this.clientKey = Objects.requireNonNull(clientKey, "clientKey");
        this.clientId = clientKey.publicKey().keyId();
        this.sequence = Objects.requireNonNull(sequence, "sequence");
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        SSLContext tls = PinnedTls.trusting(server.tlsPin());
        this.packages = new HttpPackageDownload(tls.getSocketFactory(), connectTimeout, requestTimeout);
        this.client = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public CheckInAnswer register(RegisterRequest request) throws ContactFailedException {
        return checkInAnswer(post("/v1/register", Json.write(request)));
    }

    @Override
    public CheckInAnswer verify(VerifyRequest request) throws ContactFailedException {
        return checkInAnswer(post("/v1/verify", Json.write(request)));
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
            if (!e.is(ProblemType.REPLAYED_REQUEST)) {
                throw e;
            }
            resync(e);
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
            if (!e.is(ProblemType.REPLAYED_REQUEST)) {
                throw e;
            }
            resync(e);
            return postOnce(path, body);
        }
    }

    private void resync(RequestRefusedException replayed) throws ContactFailedException {
        LOG.warn("{} refused sequence {} as replayed ({}): re-synchronising with the server's clock and retrying once",
                server.address(), sequence.last(), replayed.problem().detail());
        sequence.resync(serverTime());
    }

    private byte[] postOnce(String path, byte[] body) throws ContactFailedException {
        synchronized (requestGate) {
            return postInOrder(path, body);
        }
    }

    private byte[] postInOrder(String path, byte[] body) throws ContactFailedException {
        long number = sequence.next();
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header(RequestSignature.CLIENT_ID, clientId)
                .header(RequestSignature.SEQUENCE, Long.toString(number))
                .header(RequestSignature.SIGNATURE, RequestSignature.sign(clientKey, "POST", path, number, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return successBody(path, send(request));
    }

    private Instant serverTime() throws ContactFailedException {
        HttpRequest request = HttpRequest.newBuilder(uri("/v1/hello")).timeout(requestTimeout).GET().build();
        byte[] body = successBody("/v1/hello", send(request));
        try {
            return Json.read(body, Hello.class).time();
        } catch (MalformedJsonException e) {
            throw new ServerUnreachableException("answered GET /v1/hello with something that is not a hello: "
                    + e.getMessage());
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws ServerUnreachableException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ServerUnreachableException(TransportFailure.describe(e, connectTimeout, requestTimeout), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException("interrupted while waiting for the server", e);
        }
    }

    private byte[] successBody(String path, HttpResponse<byte[]> response) throws ContactFailedException {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        Problem problem = problemOf(response);
        if (status >= 500) {
            throw new ServerUnreachableException("answered " + path + " with HTTP " + status
                    + (problem.detail().isEmpty() ? "" : ": " + problem.detail()));
        }
        throw new RequestRefusedException(problem);
    }

    private static Problem problemOf(HttpResponse<byte[]> response) {
        try {
            return Json.read(response.body(), Problem.class);
        } catch (MalformedJsonException e) {
            return new Problem("about:blank", "HTTP " + response.statusCode(), response.statusCode(),
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
