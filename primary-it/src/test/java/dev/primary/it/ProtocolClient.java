package dev.primary.it;

import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.RequestSignature;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.Hello;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.tls.PinnedTls;
import dev.primary.protocol.tls.TlsPin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bare client of the wire protocol with its own key, for tests that need many clients or
 * hand-made requests: real TLS with the pinned key, real signatures, nothing faked on the server.
 */
final class ProtocolClient {
    /** Bounds a hung request only: on a loaded machine an answer that takes milliseconds when idle can take seconds. */
    private static final Duration PATIENCE = Duration.ofMinutes(1);

    private final HttpClient http;
    private final URI base;
    private final SigningKey key;
    private final AtomicLong sequence;
    private final ComputerIdentity computer;
    private volatile String enrollmentToken = "";
    private volatile String os = "test";

    /** The operating system it describes itself with (default {@code test}). */
    ProtocolClient describing(String os) {
        this.os = os;
        return this;
    }

    /** The enrollment token it registers with (none unless given). */
    ProtocolClient carrying(String token) {
        this.enrollmentToken = token;
        return this;
    }

    ProtocolClient(HttpClient http, int port, ComputerIdentity computer) {
        this(http, port, computer, Ed25519.generate(), new AtomicLong(System.currentTimeMillis()));
    }

    private ProtocolClient(HttpClient http, int port, ComputerIdentity computer, SigningKey key, AtomicLong sequence) {
        this.http = http;
        this.base = URI.create("https://127.0.0.1:" + port);
        this.computer = computer;
        this.key = key;
        this.sequence = sequence;
    }

    /** The same client (key, sequence, token, computer) talking to the server on {@code port}: another server of a fleet. */
    ProtocolClient at(int port) {
        return new ProtocolClient(http, port, computer, key, sequence).carrying(enrollmentToken).describing(os);
    }

    static HttpClient httpClient(TlsPin pin) {
        return HttpClient.newBuilder()
                .sslContext(PinnedTls.trusting(pin))
                .connectTimeout(PATIENCE)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    static Hello hello(HttpClient http, int port) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/v1/hello"))
                .timeout(PATIENCE).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        return Json.read(response.body(), Hello.class);
    }

    String clientId() {
        return key.publicKey().keyId();
    }

    RegisterRequest registerRequest() {
        return new RegisterRequest(computer, os, new Version(1, 0, 0), Version.NONE, key.publicKey().encoded(), 14400,
                0, enrollmentToken);
    }

    /** Registers; throws IOException when the server cannot be reached (down, restarting). */
    CheckInAnswer register() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = post("/v1/register", Json.write(registerRequest()));
        if (response.statusCode() != 200) {
            throw new IOException("register answered " + response.statusCode() + ": " + new String(response.body()));
        }
        return Json.read(response.body(), CheckInAnswer.class);
    }

    /** Sends {@code body} to {@code path}, signed as this client with a fresh sequence. */
    HttpResponse<byte[]> post(String path, byte[] body) throws IOException, InterruptedException {
        long next = sequence.incrementAndGet();
        return send(path, body, next, RequestSignature.sign(key, "POST", path, next, body));
    }

    /** A signed {@code GET} of {@code path} (a package download), asking for {@code range} ({@code bytes=a-b}). */
    HttpResponse<byte[]> get(String path, String range) throws IOException, InterruptedException {
        long next = sequence.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(PATIENCE)
                .header("Range", range)
                .header(RequestSignature.CLIENT_ID, clientId())
                .header(RequestSignature.SEQUENCE, Long.toString(next))
                .header(RequestSignature.SIGNATURE, RequestSignature.sign(key, "GET", path, next, new byte[0]))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends exactly what it is given: for replays and forged signatures. */
    HttpResponse<byte[]> send(String path, byte[] body, long sequenceNumber, String signature)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(PATIENCE)
                .header("Content-Type", "application/json")
                .header(RequestSignature.CLIENT_ID, clientId())
                .header(RequestSignature.SEQUENCE, Long.toString(sequenceNumber))
                .header(RequestSignature.SIGNATURE, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    SigningKey key() {
        return key;
    }

    long lastSequence() {
        return sequence.get();
    }
}
