package dev.primary.bench.harness;

import dev.primary.admin.http.AdminConnection;
import dev.primary.protocol.admin.CreatedEnrollmentToken;
import dev.primary.protocol.admin.EnrollmentTokenRequest;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.tls.PinnedTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code POST /admin/v1/enrollment-tokens} on a running server, pinned to its admin key and with its bearer token,
 * as {@code primary-admin enrollment create} calls it.
 *
 * <p>This is the one admin call the harness makes itself: primary-admin's {@code AdminApi#createEnrollmentToken}
 * is the same request, and replaces this class once the primary-admin the benchmarks are built against has it.
 */
final class AdminEnrollment {
    static final String PATH = "/admin/v1/enrollment-tokens";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private AdminEnrollment() {}

    /**
     * Creates a token with the terms of {@code request} and returns it, with its text shown this once.
     *
     * @throws IllegalStateException when the server answers anything but 201
     */
    static CreatedEnrollmentToken create(AdminConnection admin, EnrollmentTokenRequest request) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(PinnedTls.trusting(admin.tlsPin()))
                .connectTimeout(TIMEOUT)
                .build();
        HttpRequest post = HttpRequest.newBuilder(URI.create(admin.baseUrl().toString().replaceAll("/+$", "") + PATH))
                .header("Authorization", "Bearer " + admin.token())
                .header("Content-Type", "application/json")
                .timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(request)))
                .build();
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(post, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + PATH + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during POST " + PATH, e);
        }
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("POST " + PATH + " answered " + answer.statusCode() + ": "
                    + new String(answer.body(), StandardCharsets.UTF_8));
        }
        return Json.read(answer.body(), CreatedEnrollmentToken.class);
    }
}
