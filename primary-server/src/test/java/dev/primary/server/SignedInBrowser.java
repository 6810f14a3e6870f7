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

    /**
     * A form POST with the headers a same-origin form carries; {@code headers} (name, value, ...) add to or replace
     * them (a cross-site or foreign-origin POST).
     */
    HttpResponse<String> post(String path, Map<String, String> fields, String... headers) throws Exception {
        String form = fields.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        Map<String, String> sent = new LinkedHashMap<>(Map.of("Sec-Fetch-Site", "same-origin", "Origin", origin()));
        for (int i = 0; i < headers.length; i += 2) {
            sent.put(headers[i], headers[i + 1]);
        }
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        sent.forEach(builder::header);
        return keep(live.admin.send(builder.build()));
    }

    /** A same-origin multipart form POST of one file in {@code field}, with the session's {@code csrf}. */
    HttpResponse<String> postFile(String path, String csrf, String field, byte[] file) throws Exception {
        String boundary = "----console-test-boundary";
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field
                + "\"; filename=\"upload.json\"\r\nContent-Type: application/json\r\n\r\n";
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + file.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(file, 0, body, start.length, file.length);
        System.arraycopy(end, 0, body, start.length + file.length, end.length);
        return keep(live.admin.send(sameOrigin(request(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build()));
    }

    /** The page script's upload: the bytes as the body, the CSRF token (when not empty) in a header. */
    HttpResponse<String> put(String path, byte[] bytes, String csrf) throws Exception {
        HttpRequest.Builder builder = sameOrigin(request(path)).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (!csrf.isEmpty()) {
            builder.header("X-CSRF-Token", csrf);
        }
        return keep(live.admin.send(builder.build()));
    }

    private HttpRequest.Builder sameOrigin(HttpRequest.Builder builder) {
        return builder.header("Sec-Fetch-Site", "same-origin").header("Origin", origin());
    }

    private String origin() {
        return "https://" + live.server.adminUri().getRawAuthority();
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
