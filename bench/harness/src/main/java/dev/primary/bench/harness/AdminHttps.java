package dev.primary.bench.harness;

import dev.primary.protocol.json.Json;
import dev.primary.protocol.tls.PinnedTls;
import dev.primary.protocol.tls.TlsPin;
import dev.primary.server.identity.AdminEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The admin API of a running server, called directly over one kept-alive pinned HTTPS connection (as
 * the Control Center would), so that a call is timed without the start-up of a {@code primary-admin} JVM.
 */
public final class AdminHttps {
    private final HttpClient client;
    private final URI base;
    private final String bearer;

    /** The admin API of the server whose data directory is {@code dataDirectory} (endpoint and token files). */
    public AdminHttps(Path dataDirectory) {
        AdminEndpoint endpoint = AdminEndpoint.readFrom(dataDirectory.resolve("admin-endpoint"));
        this.base = URI.create(endpoint.url());
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(PinnedTls.trusting(new TlsPin(endpoint.tlsPin())))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        try {
            this.bearer = "Bearer " + Files.readString(dataDirectory.resolve("admin-token")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the admin token in " + dataDirectory, e);
        }
    }

    /** One answered GET and how long it took, from sending to the last byte read. */
    public record Timed<T>(T answer, double millis) {
    }

    /** GETs {@code pathAndQuery} and reads the JSON answer as {@code type}; fails unless the answer is 200. */
    public <T> Timed<T> get(String pathAndQuery, Class<T> type) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .header("Authorization", bearer)
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
        long started = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + pathAndQuery + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + pathAndQuery, e);
        }
        double millis = (System.nanoTime() - started) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + pathAndQuery + " answered " + response.statusCode() + ": "
                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return new Timed<>(Json.read(response.body(), type), millis);
    }
}
