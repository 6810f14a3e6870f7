package dev.primary.bench.fleet.console;

import dev.primary.protocol.tls.PinnedTls;
import dev.primary.protocol.tls.TlsPin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console as a browser's HTTP conversation, without a browser: one keep-alive HTTPS connection trusting the
 * server's key by its pin, logged in through the login form (CSRF token, login cookie, same-origin headers).
 */
final class ConsoleSession {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final HttpClient http;
    private String cookie = "";

    ConsoleSession(URI base, TlsPin pin) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(PinnedTls.trusting(pin))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Creates account {@code name} (administrator) over the admin API with the bootstrap {@code token}. */
    void createAccount(String token, String name, String password) {
        String body = "{\"name\":\"" + name + "\",\"role\":\"administrator\",\"password\":\"" + password + "\"}";
        HttpResponse<String> created = send(HttpRequest.newBuilder(base.resolve("/admin/v1/accounts")).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating account " + name + " answered " + created.statusCode() + ": "
                    + created.body());
        }
    }

    /** Logs in through {@code /console/login} as a browser would. */
    void login(String name, String password) {
        HttpResponse<String> form = get("/console/login");
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("the login page has no CSRF token: " + form.statusCode());
        }
        String loginCookie = form.headers().firstValue("Set-Cookie").orElse("").split(";", 2)[0];
        String fields = "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = send(HttpRequest.newBuilder(base.resolve("/console/login")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", loginCookie)
                .header("Sec-Fetch-Site", "same-origin").header("Origin", "https://" + base.getRawAuthority())
                .POST(HttpRequest.BodyPublishers.ofString(fields)).build());
        cookie = login.headers().allValues("Set-Cookie").stream().filter(set -> set.startsWith("primary_session="))
                .findFirst().map(set -> set.split(";", 2)[0])
                .orElseThrow(() -> new IllegalStateException("the console login answered " + login.statusCode()
                        + " without a session"));
    }

    /** {@code GET path} with the session's cookie; the whole answer read. */
    HttpResponse<String> get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET();
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        return send(request.build());
    }

    /** {@code GET path} of the admin API with bearer {@code token}; the whole answer read. */
    HttpResponse<String> api(String path, String token) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).GET().build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
