package dev.primary.admin.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.primary.admin.AdminCommandException;
import dev.primary.protocol.admin.ComputerAction;
import dev.primary.protocol.admin.ComputerQuery;
import dev.primary.protocol.admin.ComputerRemoval;
import dev.primary.protocol.admin.AccountPassword;
import dev.primary.protocol.admin.AccountRequest;
import dev.primary.protocol.admin.AccountRoleChange;
import dev.primary.protocol.admin.AccountTokenRequest;
import dev.primary.protocol.admin.EnrollmentTokenRequest;
import dev.primary.protocol.admin.GroupAssignment;
import dev.primary.protocol.admin.LogLevelChange;
import dev.primary.protocol.admin.RolloutChange;
import dev.primary.protocol.admin.RolloutRequest;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.tls.PinnedTls;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * The admin REST API ({@code docs/admin-api.md}) over HTTPS, trusting only the pinned TLS key and
 * sending the bearer token. Every route this client uses is declared here.
 */
public final class AdminApi {
    private static final String JSON = "application/json";
    private static final String OCTETS = "application/octet-stream";
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);
    /** The slowest upload rate an upload's timeout allows for, on top of the answer timeout. */
    private static final long SLOWEST_UPLOAD_BYTES_PER_SECOND = 1024 * 1024;

    /** The computer actions of {@code POST /admin/v1/computers/<action>}. */
    public enum ComputerActionKind {
        VERIFY("verify-license"), RESERVE("reserve"), RELEASE("release"), REVOKE("revoke"), REINSTATE("reinstate"),
        REKEY("rekey");

        private final String path;

        ComputerActionKind(String path) {
            this.path = path;
        }
    }

    private final AdminConnection connection;
    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration answerTimeout;

    /**
     * @param connectTimeout how long to wait for a connection (TLS handshake included)
     * @param answerTimeout how long to wait for an answer once connected
     */
    public AdminApi(AdminConnection connection, Duration connectTimeout, Duration answerTimeout) {
        this.connection = connection;
        this.connectTimeout = connectTimeout;
        this.answerTimeout = answerTimeout;
        this.client = HttpClient.newBuilder()
                .sslContext(PinnedTls.trusting(connection.tlsPin()))
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public Answer server() {
        return get("/admin/v1/server");
    }

    public Answer counters() {
        return get("/admin/v1/counters");
    }

    /** {@code GET /admin/v1/stats/hourly}; {@code from} and {@code to} are ISO-8601 instants, empty for the default. */
    public Answer hourlyStats(String from, String to) {
        StringBuilder path = new StringBuilder("/admin/v1/stats/hourly");
        String separator = "?";
        if (!from.isEmpty()) {
            path.append(separator).append("from=").append(encoded(from));
            separator = "&";
        }
        if (!to.isEmpty()) {
            path.append(separator).append("to=").append(encoded(to));
        }
        return get(path.toString());
    }

    public Answer recorderVersions() {
        return get("/admin/v1/stats/recorder-versions");
    }

    public Answer rolloutProgress(long rolloutId) {
        return get("/admin/v1/stats/rollouts/" + rolloutId);
    }

    public Answer summary() {
        return get("/admin/v1/summary");
    }

    public Answer licenses() {
        return get("/admin/v1/licenses");
    }

    public Answer license(String serial) {
        return get("/admin/v1/licenses/" + encoded(serial));
    }

    public Answer importLicense(SignedDocument licenseFile) {
        return post("/admin/v1/licenses", Json.write(licenseFile));
    }

    public Answer unlock(SignedDocument unlockFile) {
        return post("/admin/v1/unlocks", Json.write(unlockFile));
    }

    public Answer computers(ComputerQuery query) {
        StringBuilder path = new StringBuilder("/admin/v1/computers?");
        if (!query.search().isEmpty()) {
            path.append("search=").append(encoded(query.search())).append('&');
        }
        query.stateFilter().ifPresent(state -> path.append("state=").append(state.wireName()).append('&'));
        path.append("sort=").append(query.sort().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .append("&order=").append(query.descending() ? "desc" : "asc")
                .append("&offset=").append(query.offset())
                .append("&limit=").append(query.limit());
        return get(path.toString());
    }

    public Answer computer(String computer) {
        return get("/admin/v1/computers/" + encoded(computer));
    }

    public Answer act(ComputerActionKind kind, ComputerAction action) {
        return post("/admin/v1/computers/" + kind.path, Json.write(action));
    }

    /** Removes many computers without a seat (waiting or conflict) at once. */
    public Answer removeComputers(ComputerRemoval removal) {
        return post("/admin/v1/computers/remove", Json.write(removal));
    }

    public Answer createAccount(AccountRequest request) {
        return post("/admin/v1/accounts", Json.write(request));
    }

    public Answer accounts() {
        return get("/admin/v1/accounts");
    }

    public Answer disableAccount(String name) {
        return post("/admin/v1/accounts/" + encoded(name) + "/disable", EMPTY_OBJECT);
    }

    public Answer changeAccountRole(String name, AccountRoleChange change) {
        return post("/admin/v1/accounts/" + encoded(name) + "/role", Json.write(change));
    }

    public Answer changeAccountPassword(String name, AccountPassword password) {
        return post("/admin/v1/accounts/" + encoded(name) + "/password", Json.write(password));
    }

    public Answer createAccountToken(String name, AccountTokenRequest request) {
        return post("/admin/v1/accounts/" + encoded(name) + "/tokens", Json.write(request));
    }

    public Answer accountTokens(String name) {
        return get("/admin/v1/accounts/" + encoded(name) + "/tokens");
    }

    public Answer revokeAccountToken(String name, String id) {
        return post("/admin/v1/accounts/" + encoded(name) + "/tokens/" + encoded(id) + "/revoke", EMPTY_OBJECT);
    }

    public Answer createEnrollmentToken(EnrollmentTokenRequest request) {
        return post("/admin/v1/enrollment-tokens", Json.write(request));
    }

    public Answer enrollmentTokens() {
        return get("/admin/v1/enrollment-tokens");
    }

    public Answer revokeEnrollmentToken(String id) {
        return post("/admin/v1/enrollment-tokens/" + encoded(id) + "/revoke", EMPTY_OBJECT);
    }

    public Answer enrollmentSources() {
        return get("/admin/v1/enrollment/sources");
    }

    public Answer reclaim() {
        return post("/admin/v1/reclaim", new byte[0]);
    }

    public Answer logLevel() {
        return get("/admin/v1/log-level");
    }

    public Answer changeLogLevel(LogLevelChange change) {
        return post("/admin/v1/log-level", Json.write(change));
    }

    public Answer audit(long beforeId, int limit) {
        return get("/admin/v1/audit?before=" + beforeId + "&limit=" + limit);
    }

    /** {@code GET /admin/v1/audit} with filters: {@code filters} is the rest of the query, already encoded. */
    public Answer audit(long beforeId, int limit, String filters) {
        return get("/admin/v1/audit?before=" + beforeId + "&limit=" + limit + filters);
    }

    /**
     * One part of {@code GET /admin/v1/audit.csv}: its CSV bytes and the next part's cursor, 0 after the last part.
     * {@code filters} is the rest of the query, already encoded.
     */
    public AuditCsvPart auditCsv(long beforeId, String filters) {
        String pathAndQuery = "/admin/v1/audit.csv?before=" + beforeId + filters;
        HttpRequest request = requestTo(pathAndQuery, answerTimeout).setHeader("Accept", "text/csv").GET().build();
        HttpResponse<byte[]> response = exchange(request);
        if (response.statusCode() != 200) {
            throw new ProblemAnswerException(problemOf("GET " + pathAndQuery, response.statusCode(), response.body()));
        }
        String next = response.headers().firstValue("X-Audit-Next-Before").orElse("0");
        try {
            return new AuditCsvPart(response.body(), Long.parseLong(next));
        } catch (NumberFormatException e) {
            throw new UnexpectedAnswerException("GET " + pathAndQuery + " answered a next cursor that is not a number: "
                    + next);
        }
    }

    /** One part of the audit trail as CSV; {@code nextBefore} 0 after the last part. */
    public record AuditCsvPart(byte[] csv, long nextBefore) {}

    /**
     * Streams a package file to {@code PUT /admin/v1/packages/<sha256>} (never read whole into memory). The
     * answer may take the answer timeout plus one second per MiB. No {@code Expect: 100-continue}: Java 17's
     * client waits forever (timeout or not) when a server answers such a request with a refusal instead
     * of 100 Continue; the server answers a refusal
     * (token, size) at once instead and stops reading, which this client reads.
     */
    public Answer uploadPackage(Path file, String sha256, long size) {
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.ofFile(file);
        } catch (FileNotFoundException e) {
            throw new AdminCommandException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Duration timeout = answerTimeout.plusSeconds(size / SLOWEST_UPLOAD_BYTES_PER_SECOND);
        HttpRequest request = requestTo("/admin/v1/packages/" + encoded(sha256), timeout)
                .header("Content-Type", OCTETS)
                .PUT(body)
                .build();
        return answerOf("PUT /admin/v1/packages/" + sha256, request);
    }

    public Answer releases() {
        return get("/admin/v1/releases");
    }

    public Answer addRelease(SignedDocument manifest) {
        return post("/admin/v1/releases", Json.write(manifest));
    }

    public Answer contents() {
        return get("/admin/v1/content");
    }

    public Answer addContent(SignedDocument manifest) {
        return post("/admin/v1/content", Json.write(manifest));
    }

    public Answer rollouts() {
        return get("/admin/v1/rollouts");
    }

    public Answer startRollout(RolloutRequest rollout) {
        return post("/admin/v1/rollouts", Json.write(rollout));
    }

    public Answer changeRolloutPercent(long rolloutId, RolloutChange change) {
        return post("/admin/v1/rollouts/" + rolloutId + "/percent", Json.write(change));
    }

    public Answer pauseRollout(long rolloutId) {
        return post("/admin/v1/rollouts/" + rolloutId + "/pause", new byte[0]);
    }

    public Answer resumeRollout(long rolloutId) {
        return post("/admin/v1/rollouts/" + rolloutId + "/resume", new byte[0]);
    }

    public Answer assignGroup(GroupAssignment assignment) {
        return post("/admin/v1/computers/group", Json.write(assignment));
    }

    public Answer updateNow(ComputerAction action) {
        return post("/admin/v1/computers/update-now", Json.write(action));
    }

    private Answer get(String pathAndQuery) {
        return send("GET", pathAndQuery, new byte[0]);
    }

    private Answer post(String path, byte[] body) {
        return send("POST", path, body);
    }

    private HttpRequest.Builder requestTo(String pathAndQuery, Duration timeout) {
        return HttpRequest.newBuilder(connection.resolve(pathAndQuery))
                .timeout(timeout)
                .header("Authorization", "Bearer " + connection.token())
                .header("Accept", JSON);
    }

    private Answer send(String method, String pathAndQuery, byte[] body) {
        HttpRequest.Builder builder = requestTo(pathAndQuery, answerTimeout);
        if (body.length > 0) {
            builder.header("Content-Type", JSON);
        }
        HttpRequest request = builder.method(method, body.length > 0
                ? HttpRequest.BodyPublishers.ofByteArray(body) : HttpRequest.BodyPublishers.noBody()).build();
        return answerOf(method + " " + pathAndQuery, request);
    }

    private Answer answerOf(String what, HttpRequest request) {
        HttpResponse<byte[]> response = exchange(request);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Answer(what, status, response.body());
        }
        throw new ProblemAnswerException(problemOf(what, status, response.body()));
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) {
        String where = connection.baseUrl().toString();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw new AdminUnreachableException("nothing answers at " + where + " within " + connectTimeout.toSeconds()
                    + " s: is the Primary Server running?", e);
        } catch (HttpTimeoutException e) {
            throw new AdminUnreachableException(where + " did not answer within " + answerTimeout.toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw new AdminUnreachableException("nothing answers at " + where
                    + " (connection refused): is the Primary Server running?", e);
        } catch (SSLException e) {
            throw new AdminUnreachableException("TLS with " + where + " failed: " + rootMessage(e), e);
        } catch (IOException e) {
            throw new AdminUnreachableException("cannot reach the admin API at " + where + ": " + rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminUnreachableException("interrupted while talking to " + where, e);
        }
    }

    /** The problem in an error answer; a body that is not problem JSON becomes a generic problem. */
    private static Problem problemOf(String what, int status, byte[] body) {
        try {
            JsonNode tree = Json.mapper().readTree(body);
            if (tree != null && tree.hasNonNull("title")) {
                return new Problem(tree.path("type").asText("about:blank"), tree.get("title").asText(), status,
                        tree.path("detail").asText(""));
            }
        } catch (IOException e) {
            // not JSON: described below
        }
        throw new UnexpectedAnswerException(what + " answered HTTP " + status + " without a problem description");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    /** Percent-encodes a path segment or query value; a space is {@code %20}, which every decoder reads as one. */
    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
