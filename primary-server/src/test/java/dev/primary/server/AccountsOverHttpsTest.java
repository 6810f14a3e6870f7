package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.primary.protocol.admin.AccountPassword;
import dev.primary.protocol.admin.AccountRequest;
import dev.primary.protocol.admin.AccountRole;
import dev.primary.protocol.admin.AccountRoleChange;
import dev.primary.protocol.admin.AccountTokenRequest;
import dev.primary.protocol.admin.AccountTokenView;
import dev.primary.protocol.admin.AccountView;
import dev.primary.protocol.admin.AuditEntry;
import dev.primary.protocol.admin.ComputerAction;
import dev.primary.protocol.admin.CreatedAccountToken;
import dev.primary.protocol.admin.EnrollmentTokenRequest;
import dev.primary.protocol.admin.LoginRequest;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import dev.primary.server.config.ServerConfiguration;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Accounts, roles and API tokens on the admin port over real HTTPS, on a real server and SQLite store: who gets in,
 * what each role may do, what stops a token, what the audit trail records, and what never reaches the log.
 */
class AccountsOverHttpsTest {
    private static final String PASSWORD = "viewer-password-Kx81";

    @TempDir
    Path dataDirectory;
    private LiveServer live;
    private LogCapture log;
    private Logger root;
    private Level rootLevel;

    @BeforeEach
    void start() throws Exception {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        log = new LogCapture();
        live = LiveServer.startLicensed(ServerConfiguration.onFreeLoopbackPorts(dataDirectory));
    }

    @AfterEach
    void stop() {
        live.close();
        log.close();
        root.setLevel(rootLevel);
    }

    @Test
    void a_request_without_a_token_is_refused_with_401() throws Exception {
        HttpResponse<String> answer = live.admin.get("/admin/v1/summary");

        assertProblem(answer, ProblemType.UNAUTHENTICATED);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"primary-admin\"");
    }

    @Test
    void a_viewer_reads_but_is_refused_an_operator_route_with_403_naming_the_role() throws Exception {
        String viewer = tokenOf("vera", AccountRole.VIEWER);

        assertThat(live.admin.get("/admin/v1/summary", bearer(viewer)).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = live.admin.postJson("/admin/v1/computers/verify-license",
                LiveServer.json(new ComputerAction("CORP\\PC1", "")), bearer(viewer));

        assertProblem(refused, ProblemType.FORBIDDEN);
        assertThat(read(refused, Problem.class).detail()).contains("needs the role operator")
                .contains("\"vera\" has the role viewer");
    }

    @Test
    void an_operator_acts_on_computers_but_not_on_enrollment_tokens_or_accounts() throws Exception {
        String operator = tokenOf("otto", AccountRole.OPERATOR);

        HttpResponse<String> verified = live.admin.postJson("/admin/v1/computers/verify-license",
                LiveServer.json(new ComputerAction("CORP\\PC1", "")), bearer(operator));
        HttpResponse<String> enrollment = live.admin.postJson("/admin/v1/enrollment-tokens",
                LiveServer.json(new EnrollmentTokenRequest("x", 1, 60, "")), bearer(operator));
        HttpResponse<String> accounts = live.admin.get("/admin/v1/accounts", bearer(operator));

        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertProblem(enrollment, ProblemType.FORBIDDEN);
        assertProblem(accounts, ProblemType.FORBIDDEN);
        assertThat(read(accounts, Problem.class).detail()).contains("needs the role administrator");
    }

    @Test
    void a_disabled_accounts_token_is_refused_at_once() throws Exception {
        String token = tokenOf("dora", AccountRole.OPERATOR);
        assertThat(live.admin.get("/admin/v1/summary", bearer(token)).statusCode()).isEqualTo(200);

        HttpResponse<String> disabled = asHost("/admin/v1/accounts/dora/disable", "{}");
        assertThat(read(disabled, AccountView.class).disabled()).isTrue();

        assertProblem(live.admin.get("/admin/v1/summary", bearer(token)), ProblemType.UNAUTHENTICATED);
    }

    @Test
    void a_revoked_token_is_refused_and_the_accounts_other_token_still_works() throws Exception {
        String first = tokenOf("rita", AccountRole.VIEWER);
        CreatedAccountToken second = read(asHost("/admin/v1/accounts/rita/tokens",
                LiveServer.json(new AccountTokenRequest("second", 0))), CreatedAccountToken.class);
        String firstId = first.substring(0, first.indexOf('.'));

        AccountTokenView revoked = read(asHost("/admin/v1/accounts/rita/tokens/" + firstId + "/revoke", "{}"),
                AccountTokenView.class);

        assertThat(revoked.revokedAt()).isNotNull();
        assertProblem(live.admin.get("/admin/v1/summary", bearer(first)), ProblemType.UNAUTHENTICATED);
        assertThat(live.admin.get("/admin/v1/summary", bearer(second.token())).statusCode()).isEqualTo(200);
    }

    @Test
    void the_audit_trail_names_the_acting_account_and_the_host_admin() throws Exception {
        String administrator = tokenOf("ada", AccountRole.ADMINISTRATOR);
        HttpResponse<String> created = live.admin.postJson("/admin/v1/accounts",
                LiveServer.json(new AccountRequest("bert", AccountRole.VIEWER, PASSWORD)), bearer(administrator));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> role = live.admin.postJson("/admin/v1/accounts/bert/role",
                LiveServer.json(new AccountRoleChange(AccountRole.OPERATOR)), bearer(administrator));
        assertThat(read(role, AccountView.class).role()).isEqualTo(AccountRole.OPERATOR);

        AuditEntry[] trail = read(live.admin.get("/admin/v1/audit", bearer(administrator)), AuditEntry[].class);

        assertThat(Arrays.stream(trail).filter(entry -> entry.subject().equals("bert")))
                .extracting(AuditEntry::action, AuditEntry::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("account.role-changed", "ada"),
                        org.assertj.core.groups.Tuple.tuple("account.created", "ada"));
        assertThat(Arrays.stream(trail).filter(entry -> entry.subject().equals("ada")))
                .extracting(AuditEntry::actor).containsOnly("host-admin");
    }

    @Test
    void neither_a_password_nor_a_token_appears_in_the_server_log_or_in_any_answer_but_its_own() throws Exception {
        String token = tokenOf("lena", AccountRole.VIEWER);
        HttpResponse<String> changed = asHost("/admin/v1/accounts/lena/password",
                LiveServer.json(new AccountPassword("another-password-Zq93")));
        HttpResponse<String> list = asHost("/admin/v1/accounts", null);
        HttpResponse<String> tokens = asHost("/admin/v1/accounts/lena/tokens", null);
        live.admin.get("/admin/v1/summary", bearer(token + "x"));
        live.admin.postJson("/admin/v1/computers/revoke", "{}", bearer(token));
        live.admin.postJson("/admin/v1/session", LiveServer.json(new LoginRequest("lena", PASSWORD)));
        HttpResponse<String> session = live.admin.postJson("/admin/v1/session",
                LiveServer.json(new LoginRequest("lena", "another-password-Zq93")));
        assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
        String sessionSecret = read(session, CreatedAccountToken.class).token().split("\\.")[1];

        String secret = token.substring(token.indexOf('.') + 1);
        String logged = log.events().stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
        assertThat(log.events()).isNotEmpty();
        for (String text : new String[] {logged, changed.body(), list.body(), tokens.body()}) {
            assertThat(text).doesNotContain(PASSWORD).doesNotContain("another-password-Zq93").doesNotContain(secret)
                    .doesNotContain("argon2").doesNotContain(sessionSecret);
        }
    }

    @Test
    void a_login_with_the_right_password_gives_a_token_of_the_account_and_a_wrong_one_is_401() throws Exception {
        tokenOf("lars", AccountRole.OPERATOR);

        HttpResponse<String> wrong = live.admin.postJson("/admin/v1/session",
                LiveServer.json(new LoginRequest("lars", PASSWORD + "x")));
        HttpResponse<String> unknown = live.admin.postJson("/admin/v1/session",
                LiveServer.json(new LoginRequest("nobody", PASSWORD)));
        HttpResponse<String> right = live.admin.postJson("/admin/v1/session",
                LiveServer.json(new LoginRequest("lars", PASSWORD)));

        assertProblem(wrong, ProblemType.UNAUTHENTICATED);
        assertThat(read(unknown, Problem.class).detail()).isEqualTo(read(wrong, Problem.class).detail());
        assertThat(right.statusCode()).as(right.body()).isEqualTo(201);
        CreatedAccountToken session = read(right, CreatedAccountToken.class);
        assertThat(session.view().account()).isEqualTo("lars");
        assertThat(session.view().expiresAt()).isNotNull();
        HttpResponse<String> verified = live.admin.postJson("/admin/v1/computers/verify-license",
                LiveServer.json(new ComputerAction("CORP\\PC1", "")), bearer(session.token()));
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    }

    @Test
    void after_five_failed_logins_the_account_is_refused_with_429_even_with_the_right_password() throws Exception {
        tokenOf("gus", AccountRole.VIEWER);
        for (int i = 0; i < 5; i++) {
            assertProblem(live.admin.postJson("/admin/v1/session",
                    LiveServer.json(new LoginRequest("gus", "guess-number-" + i))), ProblemType.UNAUTHENTICATED);
        }

        HttpResponse<String> limited = live.admin.postJson("/admin/v1/session",
                LiveServer.json(new LoginRequest("gus", PASSWORD)));

        assertProblem(limited, ProblemType.TOO_MANY_REQUESTS);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }

    /** Creates an account of {@code role} with the host's bootstrap token and returns a new API token of it. */
    private String tokenOf(String name, AccountRole role) throws Exception {
        HttpResponse<String> created = asHost("/admin/v1/accounts",
                LiveServer.json(new AccountRequest(name, role, PASSWORD)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> token = asHost("/admin/v1/accounts/" + name + "/tokens",
                LiveServer.json(new AccountTokenRequest("tests", 0)));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        return read(token, CreatedAccountToken.class).token();
    }

    private HttpResponse<String> asHost(String path, String json) throws Exception {
        return json == null ? live.admin.get(path, live.bearer()) : live.admin.postJson(path, json, live.bearer());
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private static <T> T read(HttpResponse<String> answer, Class<T> type) {
        return Json.read(answer.body().getBytes(StandardCharsets.UTF_8), type);
    }

    private static void assertProblem(HttpResponse<String> answer, ProblemType type) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(type.status());
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        assertThat(read(answer, Problem.class).type()).isEqualTo(type.uri());
    }
}
