package dev.primary.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.primary.protocol.admin.ComputerAction;
import dev.primary.protocol.admin.ComputerPage;
import dev.primary.protocol.admin.ComputerRemoval;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.CreatedEnrollmentToken;
import dev.primary.protocol.admin.EnrollmentSource;
import dev.primary.protocol.admin.EnrollmentTokenRequest;
import dev.primary.protocol.admin.EnrollmentTokenView;
import dev.primary.protocol.admin.RemovalResult;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.Version;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * primary-admin's enrollment and identity commands against a stand-in admin API: enrollment tokens, registration
 * sources, rekey, revoking with the token, removing many computers at once.
 */
class EnrollmentCommandsTest {
    private static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");
    private static final String TOKEN = "k7Qm2x.Zr4vN8pW1sT6yB3cF9hJ0dL5gK2aE7uX";
    private static final EnrollmentTokenView LAB = new EnrollmentTokenView("k7Qm2x", "lab wing B", "pilot", 25, 22, 3,
            T0, "admin", T0.plus(Duration.ofDays(7)), null, EnrollmentTokenView.State.ACTIVE);
    private static final EnrollmentTokenView OPEN = new EnrollmentTokenView("p3Wd9z", "", "", 0, null, 140,
            T0.minus(Duration.ofDays(40)), "admin", null, T0, EnrollmentTokenView.State.REVOKED);
    private static final ComputerView PC1 = new ComputerView(ComputerIdentity.parse("CORP\\PC1"), "client-1",
            "Windows 11", new Version(0, 1, 0), new Version(1, 0, 1), null, ComputerState.LICENSED,
            "holds a seat of license ACME-1", "ACME-1", T0, T0, T0.plus(Duration.ofHours(4)), T0.plus(Duration.ofDays(7)));

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
    void enrollment_create_prints_the_token_alone_on_the_first_line_and_nowhere_else() {
        server.answer("POST", "/admin/v1/enrollment-tokens", 201, new CreatedEnrollmentToken(TOKEN, LAB));

        AdminRun run = admin("enrollment", "create", "--name", "lab wing B", "--uses", "25", "--expires", "7d",
                "--group", "pilot");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(TOKEN);
        assertThat(occurrences(run.out() + run.err(), TOKEN)).as("the token is printed exactly once").isEqualTo(1);
        assertThat(lines.get(1)).isEqualTo(
                "Created enrollment token k7Qm2x (lab wing B): 25 uses, expires 2026-12-12 09:00:00Z, group pilot.");
        assertThat(run.out()).contains("shown only this once", "--enrollment-token");
        FakeAdminServer.Request request = server.onlyRequest();
        assertThat(request.route()).isEqualTo("POST /admin/v1/enrollment-tokens");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.bodyAs(EnrollmentTokenRequest.class))
                .isEqualTo(new EnrollmentTokenRequest("lab wing B", 25, Duration.ofDays(7).toSeconds(), "pilot"));
    }

    @Test
    void enrollment_create_defaults_to_unlimited_uses_no_group_and_an_expiry_in_30_days() {
        server.answer("POST", "/admin/v1/enrollment-tokens", 201, new CreatedEnrollmentToken(TOKEN, LAB));

        AdminRun run = admin("enrollment", "create");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(server.onlyRequest().bodyAs(EnrollmentTokenRequest.class))
                .isEqualTo(new EnrollmentTokenRequest("", 0, Duration.ofDays(30).toSeconds(), ""));
    }

    @Test
    void enrollment_create_with_expires_never_asks_for_a_token_that_never_expires() {
        EnrollmentTokenView forever = new EnrollmentTokenView("p3Wd9z", "", "", 0, null, 0, T0, "admin", null, null,
                EnrollmentTokenView.State.ACTIVE);
        server.answer("POST", "/admin/v1/enrollment-tokens", 201, new CreatedEnrollmentToken("p3Wd9z.secret", forever));

        AdminRun run = admin("enrollment", "create", "--expires", "never", "--uses", "unlimited");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(server.onlyRequest().bodyAs(EnrollmentTokenRequest.class))
                .isEqualTo(new EnrollmentTokenRequest("", 0, 0, ""));
        assertThat(run.out().lines().toList().get(1))
                .isEqualTo("Created enrollment token p3Wd9z: unlimited uses, never expires, no group.");
    }

    @Test
    void enrollment_create_reads_durations_in_minutes_and_hours() {
        server.answer("POST", "/admin/v1/enrollment-tokens", 201, new CreatedEnrollmentToken(TOKEN, LAB));

        admin("enrollment", "create", "--expires", "90m");
        admin("enrollment", "create", "--expires", "12h");

        assertThat(server.requests()).extracting(request -> request.bodyAs(EnrollmentTokenRequest.class).expiresInSeconds())
                .containsExactly(90L * 60, 12L * 3600);
    }

    @Test
    void enrollment_create_json_prints_the_whole_answer_with_the_token_once() throws IOException {
        CreatedEnrollmentToken created = new CreatedEnrollmentToken(TOKEN, LAB);
        server.answer("POST", "/admin/v1/enrollment-tokens", 201, created);

        AdminRun run = admin("enrollment", "create", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode printed = Json.mapper().readTree(run.out());
        assertThat(printed).isEqualTo(Json.mapper().readTree(Json.write(created)));
        assertThat(printed.path("token").asText()).isEqualTo(TOKEN);
        assertThat(occurrences(run.out(), TOKEN)).isEqualTo(1);
    }

    @Test
    void enrollment_create_refuses_invalid_options_in_one_line_without_contacting_the_server() {
        List<AdminRun> runs = List.of(
                admin("enrollment", "create", "--uses", "0"),
                admin("enrollment", "create", "--uses", "many"),
                admin("enrollment", "create", "--expires", "0s"),
                admin("enrollment", "create", "--expires", "1500ms"),
                admin("enrollment", "create", "--expires", "soon"),
                admin("enrollment", "create", "--name", "x".repeat(201)),
                admin("enrollment", "create", "--group", "lab wing"));

        for (AdminRun run : runs) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.err()).startsWith("primary-admin: ").endsWith("(see 'primary-admin enrollment create --help')\n");
        }
        assertThat(runs.get(0).err()).contains("--uses: give a number of computers, 1 or more, or unlimited, got \"0\"");
        assertThat(runs.get(2).err()).contains("--expires: give a duration longer than 0 (like 12h or 7d), or never");
        assertThat(runs.get(4).err()).contains("--expires: duration must be a whole number with a unit");
        assertThat(runs.get(6).err()).contains("group must be 1-64 letters, digits");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void enrollment_list_shows_each_tokens_uses_left_expiry_group_enrolled_computers_and_state() {
        server.answer("GET", "/admin/v1/enrollment-tokens", 200, List.of(LAB, OPEN));

        AdminRun run = admin("enrollment", "list");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("ID +LABEL +USES LEFT +EXPIRES +GROUP +ENROLLED +STATE");
        assertThat(lines.get(1)).matches("k7Qm2x +lab wing B +22 +2026-12-12 09:00:00Z +pilot +3 +active");
        assertThat(lines.get(2)).matches("p3Wd9z +- +unlimited +never +- +140 +revoked");
        assertThat(lines.get(2).indexOf("unlimited")).as("columns aligned").isEqualTo(lines.get(0).indexOf("USES LEFT"));
        assertThat(server.onlyRequest().route()).isEqualTo("GET /admin/v1/enrollment-tokens");
    }

    @Test
    void enrollment_list_without_tokens_says_how_to_create_one() {
        server.answer("GET", "/admin/v1/enrollment-tokens", 200, List.of());

        AdminRun run = admin("enrollment", "list");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("No enrollment tokens yet: create one with 'primary-admin enrollment create'.\n");
    }

    @Test
    void enrollment_list_json_prints_the_servers_array() throws IOException {
        server.answer("GET", "/admin/v1/enrollment-tokens", 200, List.of(LAB, OPEN));

        AdminRun run = admin("enrollment", "list", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode printed = Json.mapper().readTree(run.out());
        assertThat(printed).isEqualTo(Json.mapper().readTree(Json.write(List.of(LAB, OPEN))));
        assertThat(printed.at("/1/usesLeft").isNull() || printed.at("/1/usesLeft").isMissingNode()).isTrue();
    }

    @Test
    void enrollment_revoke_posts_an_empty_object_to_the_tokens_revoke_route_and_says_what_it_means() {
        EnrollmentTokenView revoked = new EnrollmentTokenView("k7Qm2x", "lab wing B", "pilot", 25, 22, 3, T0, "admin",
                T0.plus(Duration.ofDays(7)), T0.plusSeconds(60), EnrollmentTokenView.State.REVOKED);
        server.answer("POST", "/admin/v1/enrollment-tokens/k7Qm2x/revoke", 200, revoked);

        AdminRun run = admin("enrollment", "revoke", "k7Qm2x");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Enrollment token k7Qm2x (lab wing B): revoked; it enrolls no more computers "
                + "(the 3 it enrolled keep their seats).\n");
        FakeAdminServer.Request request = server.onlyRequest();
        assertThat(request.route()).isEqualTo("POST /admin/v1/enrollment-tokens/k7Qm2x/revoke");
        assertThat(request.body()).isEqualTo("{}");
        assertThat(request.contentType()).isEqualTo("application/json");
    }

    @Test
    void enrollment_revoke_given_the_whole_token_sends_only_its_id() {
        server.answer("POST", "/admin/v1/enrollment-tokens/k7Qm2x/revoke", 200, LAB);

        AdminRun run = admin("enrollment", "revoke", TOKEN, "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(server.onlyRequest().route()).isEqualTo("POST /admin/v1/enrollment-tokens/k7Qm2x/revoke");
        assertThat(server.onlyRequest().body()).doesNotContain("Zr4vN8pW1sT6yB3cF9hJ0dL5gK2aE7uX");
        assertThat(run.out()).contains("\"id\" : \"k7Qm2x\"");
    }

    @Test
    void enrollment_revoke_of_an_unknown_id_exits_1_with_the_servers_reason_on_one_line() {
        server.problem("POST", "/admin/v1/enrollment-tokens/nope42/revoke", ProblemType.NOT_FOUND,
                "no enrollment token has the id \"nope42\"; 'primary-admin enrollment list' shows them");

        AdminRun run = admin("enrollment", "revoke", "nope42");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("primary-admin: Not found: no enrollment token has the id \"nope42\"; "
                + "'primary-admin enrollment list' shows them\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void enrollment_sources_shows_computers_enrolled_and_requests_limited_per_address() throws IOException {
        List<EnrollmentSource> sources = List.of(new EnrollmentSource("203.0.113.9", 9800, 41200),
                new EnrollmentSource("10.0.0.5", 3, 0));
        server.answer("GET", "/admin/v1/enrollment/sources", 200, sources);

        AdminRun run = admin("enrollment", "sources");
        AdminRun json = admin("enrollment", "sources", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(
                "ADDRESS      ENROLLED  LIMITED (429)",
                "203.0.113.9  9800      41200",
                "10.0.0.5     3         0");
        assertThat(Json.mapper().readTree(json.out())).isEqualTo(Json.mapper().readTree(Json.write(sources)));
        assertThat(server.requests()).extracting(FakeAdminServer.Request::route)
                .containsOnly("GET /admin/v1/enrollment/sources");
    }

    @Test
    void computer_rekey_posts_the_computer_and_reason_to_the_rekey_route() {
        server.answer("POST", "/admin/v1/computers/rekey", 200, PC1);

        AdminRun run = admin("computer", "rekey", "CORP\\PC1", "--reason", "re-imaged");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("CORP\\PC1: licensed - holds a seat of license ACME-1\n");
        FakeAdminServer.Request request = server.onlyRequest();
        assertThat(request.route()).isEqualTo("POST /admin/v1/computers/rekey");
        assertThat(request.bodyAs(ComputerAction.class)).isEqualTo(new ComputerAction("CORP\\PC1", "re-imaged"));
    }

    @Test
    void rekey_is_also_a_command_of_its_own_like_revoke() {
        server.answer("POST", "/admin/v1/computers/rekey", 200, PC1);

        AdminRun run = admin("rekey", "PC1", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"state\" : \"licensed\"");
        assertThat(server.onlyRequest().bodyAs(ComputerAction.class)).isEqualTo(new ComputerAction("PC1", ""));
    }

    @Test
    void revoke_with_token_asks_the_server_to_revoke_the_enrollment_token_too() {
        server.answer("POST", "/admin/v1/computers/revoke", 200, PC1);

        AdminRun withToken = admin("computer", "revoke", "CORP\\PC1", "--with-token", "--reason", "stolen");
        AdminRun without = admin("revoke", "CORP\\PC1");

        assertThat(withToken.exitCode()).as(withToken.err()).isZero();
        assertThat(without.exitCode()).as(without.err()).isZero();
        assertThat(server.requests()).extracting(request -> request.bodyAs(ComputerAction.class)).containsExactly(
                new ComputerAction("CORP\\PC1", "stolen", true), new ComputerAction("CORP\\PC1", "", false));
    }

    @Test
    void computer_with_a_name_still_shows_it_and_a_computer_named_like_an_action_is_shown_after_a_double_dash() {
        server.answer("GET", "/admin/v1/computers/CORP%5CPC1", 200, PC1);
        server.answer("GET", "/admin/v1/computers/rekey", 200, PC1);

        AdminRun shown = admin("computer", "CORP\\PC1");
        AdminRun namedRekey = admin("computer", "--", "rekey");
        AdminRun nothing = admin("computer");

        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("Computer:           CORP\\PC1");
        assertThat(namedRekey.exitCode()).as(namedRekey.err()).isZero();
        assertThat(server.requests()).extracting(FakeAdminServer.Request::route)
                .containsExactly("GET /admin/v1/computers/CORP%5CPC1", "GET /admin/v1/computers/rekey");
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).startsWith("primary-admin: Missing required parameter: 'NAME', or an action:");
    }

    @Test
    void computers_remove_sends_state_silence_and_token_and_prints_how_many_were_removed() {
        server.answer("POST", "/admin/v1/computers/remove", 200, new RemovalResult(9876));

        AdminRun run = admin("computers", "remove", "--state", "waiting", "--silent-for", "2h", "--token", "k7Qm2x");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(
                "Removed 9876 waiting computers silent for at least 2h and enrolled with token k7Qm2x.\n");
        FakeAdminServer.Request request = server.onlyRequest();
        assertThat(request.route()).isEqualTo("POST /admin/v1/computers/remove");
        assertThat(request.bodyAs(ComputerRemoval.class))
                .isEqualTo(new ComputerRemoval(ComputerState.WAITING, 7200, "k7Qm2x"));
        assertThat(request.body()).contains("\"state\":\"waiting\"");
    }

    @Test
    void computers_remove_of_conflicts_needs_no_other_option_and_asks_for_no_confirmation() throws IOException {
        server.answer("POST", "/admin/v1/computers/remove", 200, new RemovalResult(1));

        AdminRun run = admin("computers", "remove", "--state", "conflict");
        AdminRun json = admin("computers", "remove", "--state", "conflict", "--token", TOKEN, "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Removed 1 conflict computer.\n");
        assertThat(Json.mapper().readTree(json.out())).isEqualTo(Json.mapper().readTree("{\"removed\":1}"));
        assertThat(server.requests()).extracting(request -> request.bodyAs(ComputerRemoval.class)).containsExactly(
                new ComputerRemoval(ComputerState.CONFLICT, 0, ""), new ComputerRemoval(ComputerState.CONFLICT, 0, "k7Qm2x"));
    }

    @Test
    void computers_remove_refuses_a_missing_or_seat_holding_state_without_contacting_the_server() {
        AdminRun missing = admin("computers", "remove");
        AdminRun licensed = admin("computers", "remove", "--state", "licensed");
        AdminRun unknown = admin("computers", "remove", "--state", "sleeping");
        AdminRun badSilence = admin("computers", "remove", "--state", "waiting", "--silent-for", "3");

        for (AdminRun run : List.of(missing, licensed, unknown, badSilence)) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.err()).endsWith("(see 'primary-admin computers remove --help')\n");
        }
        assertThat(missing.err()).startsWith("primary-admin: missing --state: give --state waiting or --state conflict");
        assertThat(licensed.err()).contains("only waiting or conflict computers can be removed in bulk, not licensed");
        assertThat(badSilence.err()).contains("--silent-for: duration must be a whole number");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void computers_still_lists_with_its_options_and_filters_conflicts() {
        server.answer("GET", "/admin/v1/computers", 200, new ComputerPage(0, 0, 100, List.of()));

        AdminRun run = admin("computers", "--state", "conflict", "--limit", "10");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("No computers match.\n");
        assertThat(server.onlyRequest().pathAndQuery())
                .isEqualTo("/admin/v1/computers?state=conflict&sort=name&order=asc&offset=0&limit=10");
    }

    @Test
    void every_new_command_has_help() {
        for (List<String> command : List.of(List.of("enrollment"), List.of("enrollment", "create"),
                List.of("enrollment", "list"), List.of("enrollment", "revoke"), List.of("enrollment", "sources"),
                List.of("computer", "rekey"), List.of("computer", "revoke"), List.of("rekey"),
                List.of("computers", "remove"))) {
            String[] args = new String[command.size() + 1];
            command.toArray(args);
            args[command.size()] = "--help";

            AdminRun help = AdminRun.of(args);

            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).startsWith("Usage: primary-admin " + String.join(" ", command));
        }
        assertThat(AdminRun.of("revoke", "--help").out()).contains("--with-token");
        assertThat(AdminRun.of("computers", "remove", "--help").out()).contains("--state", "--silent-for", "--token");
    }

    @Test
    void enrollment_without_a_command_is_a_usage_error() {
        AdminRun run = admin("enrollment");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("primary-admin: missing command: create, list, revoke or sources");
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private AdminRun admin(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dataDirectory.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return AdminRun.of(all);
    }
}
