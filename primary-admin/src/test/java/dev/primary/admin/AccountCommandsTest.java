package dev.primary.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.admin.command.PasswordInput;
import dev.primary.protocol.admin.AccountPassword;
import dev.primary.protocol.admin.AccountRequest;
import dev.primary.protocol.admin.AccountRole;
import dev.primary.protocol.admin.AccountRoleChange;
import dev.primary.protocol.admin.AccountTokenRequest;
import dev.primary.protocol.admin.AccountTokenView;
import dev.primary.protocol.admin.AccountView;
import dev.primary.protocol.admin.CreatedAccountToken;
import dev.primary.protocol.message.ProblemType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** primary-admin's account commands against a stand-in admin API: passwords from standard input, tokens shown once. */
class AccountCommandsTest {
    private static final Instant T0 = Instant.parse("2026-12-06T09:00:00Z");
    private static final String PASSWORD = "a-long-password-7Rq";
    private static final String TOKEN = "abcdefgh.Zr4vN8pW1sT6yB3cF9hJ0dL5gK2aE7uX0123456";
    private static final AccountView ADA = new AccountView("ada", AccountRole.ADMINISTRATOR, T0, "host-admin", null);
    private static final AccountTokenView ADA_TOKEN = new AccountTokenView("abcdefgh", "ada", "nightly", T0,
            "host-admin", T0.plus(Duration.ofDays(90)), null);

    @TempDir
    Path temp;

    private static FakeAdminServer server;
    private Path dataDirectory;

    @BeforeAll
    static void startServer() {
        server = new FakeAdminServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void writeDataDirectory() throws IOException {
        server.reset();
        dataDirectory = server.writeDataDirectory(temp.resolve("data"));
    }

    @Test
    void account_create_reads_the_password_from_standard_input_and_never_prints_it() {
        server.answer("POST", "/admin/v1/accounts", 201, ADA);

        AdminRun run = admin(PASSWORD + "\n", "account", "create", "ada", "--role", "administrator");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Created account ada with the role administrator.\n");
        assertThat(run.out() + run.err()).doesNotContain(PASSWORD);
        FakeAdminServer.Request request = server.onlyRequest();
        assertThat(request.route()).isEqualTo("POST /admin/v1/accounts");
        assertThat(request.bodyAs(AccountRequest.class))
                .isEqualTo(new AccountRequest("ada", AccountRole.ADMINISTRATOR, PASSWORD));
    }

    @Test
    void a_password_cannot_be_given_on_the_command_line() {
        AdminRun run = admin(PASSWORD + "\n", "account", "create", "ada", "--role", "viewer", "--password", PASSWORD);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void a_missing_or_short_password_and_an_unknown_role_are_refused_without_contacting_the_server() {
        List<AdminRun> runs = List.of(
                admin("", "account", "create", "ada", "--role", "viewer"),
                admin("short\n", "account", "create", "ada", "--role", "viewer"),
                admin(PASSWORD + "\n", "account", "create", "ada", "--role", "root"),
                admin(PASSWORD + "\n", "account", "create", "Ada Lovelace", "--role", "viewer"));

        assertThat(runs).extracting(AdminRun::exitCode).containsOnly(2);
        assertThat(runs.get(0).err()).contains("no password on standard input");
        assertThat(runs.get(1).err()).contains("a password is 12 to 1024 characters");
        assertThat(runs.get(2).err()).contains("unknown role \"root\"");
        assertThat(runs.get(3).err()).contains("an account name is");
        assertThat(runs).allSatisfy(run -> assertThat(run.err().lines().count()).isEqualTo(1));
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void account_password_sends_the_new_password_from_standard_input() {
        server.answer("POST", "/admin/v1/accounts/ada/password", 200, ADA);

        AdminRun run = admin(PASSWORD + "\n", "account", "password", "ada");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(server.onlyRequest().bodyAs(AccountPassword.class)).isEqualTo(new AccountPassword(PASSWORD));
        assertThat(run.out()).doesNotContain(PASSWORD);
    }

    @Test
    void account_role_and_disable_send_their_change() {
        server.answer("POST", "/admin/v1/accounts/ada/role", 200,
                new AccountView("ada", AccountRole.VIEWER, T0, "host-admin", null));

        AdminRun run = admin("", "account", "role", "ada", "viewer");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Account ada now has the role viewer.\n");
        assertThat(server.onlyRequest().bodyAs(AccountRoleChange.class))
                .isEqualTo(new AccountRoleChange(AccountRole.VIEWER));

        server.reset();
        server.answer("POST", "/admin/v1/accounts/ada/disable", 200,
                new AccountView("ada", AccountRole.VIEWER, T0, "host-admin", T0));
        AdminRun disabled = admin("", "account", "disable", "ada");
        assertThat(disabled.out()).isEqualTo("Account ada is disabled; its tokens no longer work.\n");
    }

    @Test
    void account_list_shows_name_role_and_state() {
        server.answer("GET", "/admin/v1/accounts", 200, List.of(ADA,
                new AccountView("vic", AccountRole.VIEWER, T0, "ada", T0.plus(Duration.ofHours(1)))));

        AdminRun run = admin("", "account", "list");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("NAME").contains("ROLE", "STATE");
        assertThat(lines.get(1)).startsWith("ada").contains("administrator", "host-admin", "active");
        assertThat(lines.get(2)).startsWith("vic").contains("viewer", "disabled 2026-12-06 10:00:00Z");
    }

    @Test
    void account_token_create_prints_the_token_alone_on_the_first_line_and_only_once() {
        server.answer("POST", "/admin/v1/accounts/ada/tokens", 201, new CreatedAccountToken(TOKEN, ADA_TOKEN));

        AdminRun run = admin("", "account", "token", "create", "ada", "--name", "nightly");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(TOKEN);
        assertThat((run.out() + run.err()).split(java.util.regex.Pattern.quote(TOKEN), -1)).hasSize(2);
        assertThat(lines.get(1)).isEqualTo(
                "Created API token abcdefgh of account ada, expires 2027-03-06 09:00:00Z.");
        assertThat(server.onlyRequest().bodyAs(AccountTokenRequest.class))
                .isEqualTo(new AccountTokenRequest("nightly", Duration.ofDays(90).toSeconds()));
    }

    @Test
    void account_token_list_and_revoke_never_show_a_secret() {
        server.answer("GET", "/admin/v1/accounts/ada/tokens", 200, List.of(ADA_TOKEN));
        AdminRun list = admin("", "account", "token", "list", "ada");
        assertThat(list.out()).contains("abcdefgh", "nightly", "active").doesNotContain("Zr4vN8");

        server.reset();
        server.answer("POST", "/admin/v1/accounts/ada/tokens/abcdefgh/revoke", 200,
                new AccountTokenView("abcdefgh", "ada", "nightly", T0, "host-admin", null, T0));
        AdminRun revoke = admin("", "account", "token", "revoke", "ada", TOKEN);

        assertThat(revoke.exitCode()).as(revoke.err()).isZero();
        assertThat(server.onlyRequest().route()).isEqualTo("POST /admin/v1/accounts/ada/tokens/abcdefgh/revoke");
        assertThat(revoke.out()).isEqualTo("API token abcdefgh of account ada is revoked.\n");
    }

    @Test
    void a_refusal_for_the_role_is_one_line_with_the_servers_reason() {
        server.problem("GET", "/admin/v1/accounts", ProblemType.FORBIDDEN,
                "GET /admin/v1/accounts needs the role administrator; account \"vic\" has the role viewer");

        AdminRun run = admin("", "account", "list");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("needs the role administrator");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    private AdminRun admin(String stdin, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dataDirectory.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PasswordInput input = new PasswordInput(Optional.empty(),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        int exitCode = PrimaryAdminMain.run(input, new PrintWriter(out), new PrintWriter(err), all);
        return new AdminRun(exitCode, out.toString(), err.toString());
    }
}
