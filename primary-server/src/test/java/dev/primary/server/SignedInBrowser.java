package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's part of a console conversation with a {@link LiveServer}: it keeps its cookies, logs in through the
 * login form, and sends form POSTs with the headers a same-origin form carries.
 */
final class SignedInBrowser {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    final Map<String, String> cookies = new LinkedHashMap<>();
    private final LiveServer live;

    SignedInBrowser(LiveServer live) {
        this.live = live;
    }

    /** A browser logged in as {@code name}. */
    static SignedInBrowser loggedIn(LiveServer live, String name, String password) throws Exception {
        SignedInBrowser browser = new SignedInBrowser(live);
        HttpResponse<String> login = browser.login(name, password);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
        return browser;
    }

    HttpResponse<String> get(String path) throws Exception {
        return keep(live.admin.send(request(path).GET().build()));
    }

    HttpResponse<String> login(String name, String password) throws Exception {
        String csrf = csrfOf("/console/login");
        return post("/console/login", Map.of("name", name, "password", password, "csrf", csrf));
    }

    String csrfOf(String path) throws Exception {
        HttpResponse<String> page = get(path);
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as(page.body()).isTrue();
        return matcher.group(1);
    }

    /** A form POST with the session's CSRF token (read from {@code formPage}) added to {@code fields}. */
    HttpResponse<String> submit(String formPage, String path, Map<String, String> fields) throws Exception {
        Map<String, String> sent = new LinkedHashMap<>(fields);
        sent.put("csrf", csrfOf(formPage));
        return post(path, sent);
    }

    HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        String form = fields.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest request = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "same-origin").header("Origin", "https://"
                        + live.server.adminUri().getRawAuthority())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return keep(live.admin.send(request));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = live.admin.request(path);
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(cookie -> cookie.getKey() + "="
                    + cookie.getValue()).collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private HttpResponse<String> keep(HttpResponse<String> answer) {
        for (String cookie : answer.headers().allValues("Set-Cookie")) {
            String pair = cookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String value = pair.substring(equals + 1);
            if (value.isEmpty() || cookie.contains("Max-Age=0")) {
                cookies.remove(pair.substring(0, equals));
            } else {
                cookies.put(pair.substring(0, equals), value);
            }
        }
        return answer;
    }
}
