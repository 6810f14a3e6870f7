package dev.primary.admin;

import dev.primary.testkit.ThrowawayCertificate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.primary.protocol.admin.AuditEntry;
import dev.primary.protocol.admin.ComputerAction;
import dev.primary.protocol.admin.ComputerPage;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.LicenseDetail;
import dev.primary.protocol.admin.LicenseSummary;
import dev.primary.protocol.admin.TrafficCounters;
import dev.primary.protocol.admin.LicenseView;
import dev.primary.protocol.admin.LogLevel;
import dev.primary.protocol.admin.LogLevelChange;
import dev.primary.protocol.admin.LogLevelView;
import dev.primary.protocol.admin.ReclaimResult;
import dev.primary.protocol.admin.ServerStatus;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.LicensePayload;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.Version;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrimaryAdminTest {
    @Test
    void version_prints_the_builds_version() {
        AdminRun run = AdminRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("primary-admin " + System.getProperty("primary.expected.version"));
    }

    private static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-28T10:15:30Z");
    private static final ComputerView LICENSED = new ComputerView(ComputerIdentity.parse("CORP\\PC1"), "client-1",
            "Windows 11", new Version(0, 1, 0), new Version(1, 0, 1), null, ComputerState.LICENSED,
            "holds a seat of license ACME-1", "ACME-1", T0, T1, T1.plus(Duration.ofHours(4)), T1.plus(Duration.ofDays(7)));
    private static final ComputerView WAITING = new ComputerView(ComputerIdentity.parse("CORP\\PC2"), "client-2",
            "Linux 6.1 amd64", new Version(0, 1, 0), Version.NONE, null, ComputerState.WAITING,
            "all 50 seats are in use", null, T0, T1, T1.plusSeconds(60), null);
    private static final LicenseView PENDING = new LicenseView("ACME-1", "Acme Corp", 50, 0,
            LicenseView.State.PENDING_REGISTRATION, "ACME-1/ABCD-EFGH-JKLM-NPQR", T0, null, List.of("audio"), T1);

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
    void summary_prints_the_license_summary_line_with_the_bearer_token_accepted() {
        server.answer("GET", "/admin/v1/summary", 200, new LicenseSummary(50, 12, 10, 2, 0));

        AdminRun run = admin("summary");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Licenses: 50  Used: 12  Active: 10  Reserved: 2  Waiting: 0\n");
        assertThat(server.requests()).extracting(FakeAdminServer.Request::pathAndQuery).containsExactly("/admin/v1/summary");
    }

    @Test
    void counters_prints_what_the_client_port_answered_since_the_start() {
        server.answer("GET", "/admin/v1/counters", 200, new TrafficCounters(40, 200, 3, 2, 5, 1, 7, 11, 13));

        AdminRun run = admin("counters");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Registrations: 40", "Verifications: 200", "Reports: 3", "Downloads: 2",
                "Busy (503): 5", "Rate-limited (429): 7", "Problems: 1", "Connections refused: 11",
                "Timed out (408): 13");
    }

    @Test
    void summary_json_prints_the_servers_json() throws IOException {
        LicenseSummary summary = new LicenseSummary(50, 12, 10, 2, 0);
        server.answer("GET", "/admin/v1/summary", 200, summary);

        AdminRun run = admin("summary", "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(Json.mapper().readTree(run.out())).isEqualTo(Json.mapper().readTree(Json.write(summary)));
    }

    @Test
    void computers_prints_the_manage_computers_table_and_the_total() {
        server.answer("GET", "/admin/v1/computers", 200, new ComputerPage(2, 0, 100, List.of(LICENSED, WAITING)));

        AdminRun run = admin("computers");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("COMPUTER")
                .contains("RECORDER", "CLIENT", "STATE", "LAST CONTACT", "NEXT CONTACT", "REASON");
        assertThat(lines.get(1).indexOf("V 0.1 (0000)")).as("the Client Service's version under CLIENT")
                .isEqualTo(lines.get(0).indexOf("CLIENT"));
        assertThat(lines.get(1)).startsWith("CORP\\PC1").contains("V 1.0 (0001)", "licensed", "2026-11-28 10:15:30Z",
                "2026-11-28 14:15:30Z", "holds a seat of license ACME-1");
        assertThat(lines.get(2)).startsWith("CORP\\PC2").contains("V 0.0 (0000)", "waiting", "2026-11-28 10:16:30Z",
                "all 50 seats are in use");
        assertThat(lines.get(1).indexOf("licensed")).as("columns aligned").isEqualTo(lines.get(0).indexOf("STATE"));
        assertThat(lines.get(3)).isEqualTo("Total: 2 computers, showing 1-2");
        assertThat(server.requests().get(0).pathAndQuery())
                .isEqualTo("/admin/v1/computers?sort=name&order=asc&offset=0&limit=100");
    }

    @Test
    void computers_passes_search_state_sort_order_and_paging_to_the_server() {
        server.answer("GET", "/admin/v1/computers", 200, new ComputerPage(0, 10, 5, List.of()));

        AdminRun run = admin("computers", "--search", "pc 2", "--state", "waiting", "--sort", "last-contact", "--desc",
                "--offset", "10", "--limit", "5");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("No computers match.\n");
        assertThat(server.requests().get(0).pathAndQuery()).isEqualTo(
                "/admin/v1/computers?search=pc%202&state=waiting&sort=last-contact&order=desc&offset=10&limit=5");
    }

    @Test
    void computers_json_prints_the_page_as_the_server_sent_it() throws IOException {
        ComputerPage page = new ComputerPage(1, 0, 100, List.of(WAITING));
        server.answer("GET", "/admin/v1/computers", 200, page);

        AdminRun run = admin("computers", "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode printed = Json.mapper().readTree(run.out());
        assertThat(printed).isEqualTo(Json.mapper().readTree(Json.write(page)));
        assertThat(printed.at("/items/0/recorder").asText()).isEqualTo("V 0.0 (0000)");
    }

    @Test
    void computer_shows_every_field_of_one_computer_named_with_its_domain() {
        server.answer("GET", "/admin/v1/computers/CORP%5CPC1", 200, LICENSED);

        AdminRun run = admin("computer", "CORP\\PC1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Computer:           CORP\\PC1", "State:              licensed",
                "Reason:             holds a seat of license ACME-1", "Recorder:           V 1.0 (0001)",
                "Client version:     0.1.0", "Client id:          client-1", "OS:                 Windows 11",
                "License:            ACME-1", "First seen:         2026-11-28 08:00:00Z",
                "Last contact:       2026-11-28 10:15:30Z", "Next contact:       2026-11-28 14:15:30Z",
                "Lease expires:      2026-12-05 10:15:30Z");
    }

    @Test
    void a_problem_answer_exits_1_with_its_title_and_detail_on_one_line() {
        server.problem("GET", "/admin/v1/computers/PC1", ProblemType.AMBIGUOUS_COMPUTER,
                "PC1 matches CORP\\PC1 and LAB\\PC1: give the domain");

        AdminRun run = admin("computer", "PC1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo(
                "primary-admin: Computer name is ambiguous: PC1 matches CORP\\PC1 and LAB\\PC1: give the domain\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void a_wrong_token_is_refused_and_no_token_is_ever_printed() throws IOException {
        server.answer("GET", "/admin/v1/summary", 200, new LicenseSummary(1, 0, 0, 0, 0));
        Files.writeString(dataDirectory.resolve("admin-token"), "not-the-right-token-at-all\n");

        AdminRun run = admin("summary");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("primary-admin: Authentication required: missing or wrong admin token\n");
        assertThat(run.out() + run.err()).doesNotContain("not-the-right-token-at-all").doesNotContain(FakeAdminServer.TOKEN);
    }

    @Test
    void a_data_directory_without_admin_endpoint_exits_3() throws IOException {
        Path neverStarted = Files.createDirectories(temp.resolve("fresh"));

        AdminRun run = AdminRun.of("--data-dir", neverStarted.toString(), "summary");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("primary-admin: no " + neverStarted.resolve("admin-endpoint"))
                .contains("no Primary Server has started with data directory");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void a_server_that_is_not_running_exits_3() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        AdminRun run = AdminRun.of("--url", "https://127.0.0.1:" + closedPort, "--pin", server.pin(),
                "--token-file", dataDirectory.resolve("admin-token").toString(), "summary");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("primary-admin: nothing answers at https://127.0.0.1:" + closedPort);
    }

    @Test
    void a_server_presenting_another_tls_key_than_pinned_exits_3_before_sending_the_token() {
        String otherPin = ThrowawayCertificate.create().pin().value();

        AdminRun run = admin("--pin", otherPin, "summary");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("does not match the pinned key " + otherPin);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void remote_overrides_work_without_a_data_directory() {
        server.answer("GET", "/admin/v1/summary", 200, new LicenseSummary(5, 1, 1, 0, 0));

        AdminRun run = AdminRun.of("summary", "--url", server.url(), "--pin", server.pin(),
                "--token-file", dataDirectory.resolve("admin-token").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Licenses: 5  Used: 1");
    }

    @Test
    void license_import_sends_the_file_and_prints_the_registration_code_and_next_step() throws IOException {
        server.answer("POST", "/admin/v1/licenses", 201, PENDING);
        SignedDocument license = SignedDocument.sign(SignedDocument.LICENSE,
                Json.write(new LicensePayload("ACME-1", "Acme Corp", 50, T0, null, List.of())), Ed25519.generate());
        Path file = temp.resolve("acme-1.license");
        Files.writeString(file, Json.writePretty(license));

        AdminRun run = admin("license", "import", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Registration code: ACME-1/ABCD-EFGH-JKLM-NPQR")
                .contains("license-tool unlock --registration-code ACME-1/ABCD-EFGH-JKLM-NPQR")
                .contains("primary-admin license unlock ACME-1.unlock");
        FakeAdminServer.Request request = server.requests().get(0);
        assertThat(Json.read(request.body().getBytes(StandardCharsets.UTF_8), SignedDocument.class)).isEqualTo(license);
    }

    @Test
    void license_import_refuses_an_unlock_file_without_asking_the_server() throws IOException {
        SignedDocument unlock = SignedDocument.sign(SignedDocument.UNLOCK, "{}".getBytes(StandardCharsets.UTF_8),
                Ed25519.generate());
        Path file = temp.resolve("acme-1.unlock");
        Files.writeString(file, Json.writePretty(unlock));

        AdminRun run = admin("license", "import", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("is a unlock file, not a license file").contains("license unlock");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void license_list_and_show_print_licenses_and_seats() {
        server.answer("GET", "/admin/v1/licenses", 200, List.of(PENDING));
        server.answer("GET", "/admin/v1/licenses/ACME-1", 200, new LicenseDetail(PENDING,
                List.of(new LicenseDetail.Seat("CORP\\PC1", ComputerState.LICENSED, T1))));

        AdminRun list = admin("license", "list");
        AdminRun show = admin("license", "show", "ACME-1");

        assertThat(list.out().lines().toList().get(1)).startsWith("ACME-1").contains("Acme Corp", "50", "pending-registration",
                "never");
        assertThat(show.out()).contains("Registration code:  ACME-1/ABCD-EFGH-JKLM-NPQR", "Features:           audio");
        assertThat(show.out().lines().filter(line -> line.startsWith("CORP\\PC1")).findFirst().orElseThrow())
                .contains("licensed", "2026-11-28 10:15:30Z");
    }

    @Test
    void revoke_posts_the_computer_and_reason_and_prints_where_it_stands() {
        ComputerView revoked = new ComputerView(LICENSED.computer(), "client-1", "Windows 11", new Version(0, 1, 0),
                new Version(1, 0, 1), null, ComputerState.REVOKED, "revoked by an administrator: stolen laptop", null,
                T0, T1, null, null);
        server.answer("POST", "/admin/v1/computers/revoke", 200, revoked);

        AdminRun run = admin("revoke", "CORP\\PC1", "--reason", "stolen laptop");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("CORP\\PC1: revoked - revoked by an administrator: stolen laptop\n");
        assertThat(Json.read(server.requests().get(0).body().getBytes(StandardCharsets.UTF_8), ComputerAction.class))
                .isEqualTo(new ComputerAction("CORP\\PC1", "stolen laptop"));
    }

    @Test
    void verify_calls_verify_license() {
        server.answer("POST", "/admin/v1/computers/verify-license", 200, LICENSED);

        AdminRun run = admin("verify", "PC1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("CORP\\PC1: licensed");
    }

    @Test
    void server_reclaim_and_audit_print_for_people() {
        server.answer("GET", "/admin/v1/server", 200, new ServerStatus("server-1", "0.1.0", T0, "pserver:16770",
                "key", "sha256/" + "A".repeat(43), "/var/lib/primary", "sqlite:/var/lib/primary/primary.db",
                List.of("vendor-key-1"), List.of(), ""));
        server.answer("POST", "/admin/v1/reclaim", 200, new ReclaimResult(List.of("CORP\\OLD1", "CORP\\OLD2"), 1));
        server.answer("GET", "/admin/v1/audit", 200, List.of(
                new AuditEntry(7, T1, "admin", "computer.revoked", "CORP\\PC1", "stolen laptop")));

        assertThat(admin("server").out()).contains("Server id:          server-1", "Client endpoint:    pserver:16770",
                "Store:              sqlite:/var/lib/primary/primary.db", "Vendor keys:        vendor-key-1",
                "Release keys:       (none)").doesNotContain("Key problem");
        assertThat(admin("reclaim").out()).isEqualTo(
                "Reclaimed 2 seats: CORP\\OLD1, CORP\\OLD2\n1 waiting computer got a freed seat.\n");
        AdminRun audit = admin("audit", "--limit", "10");
        assertThat(audit.out().lines().toList().get(1)).startsWith("7").contains("2026-11-28 10:15:30Z", "admin",
                "computer.revoked", "CORP\\PC1", "stolen laptop");
        assertThat(server.requests()).extracting(FakeAdminServer.Request::pathAndQuery)
                .contains("/admin/v1/audit?before=0&limit=10");
    }

    @Test
    void audit_filters_are_sent_as_query_parameters() {
        server.answer("GET", "/admin/v1/audit", 200, List.of());

        AdminRun audit = admin("audit", "--actor", "ada", "--action", "computer.revoked", "--computer", "CORP\\PC1",
                "--from", "2026-12-01", "--to", "2026-12-02T00:00:00Z");

        assertThat(audit.out()).isEqualTo("No audit entries.\n");
        assertThat(server.requests()).extracting(FakeAdminServer.Request::pathAndQuery).contains(
                "/admin/v1/audit?before=0&limit=50&actor=ada&action=computer.revoked&computer=CORP%5CPC1"
                        + "&from=2026-12-01&to=2026-12-02T00%3A00%3A00Z");
    }

    @Test
    void usage_errors_exit_2_without_contacting_the_server() {
        List<AdminRun> runs = List.of(
                AdminRun.of("summary"),
                admin("computers", "--sort", "size"),
                admin("computers", "--limit", "0"),
                admin("computers", "--state", "sleeping"),
                admin("audit", "--limit", "5000"),
                admin("log-level", "verbose"),
                admin("--url", "http://127.0.0.1:1", "summary"),
                admin("frobnicate"),
                admin());

        for (AdminRun run : runs) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.err()).startsWith("primary-admin: ");
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void log_level_without_a_level_prints_the_running_and_the_configured_level() {
        server.answer("GET", "/admin/v1/log-level", 200, new LogLevelView(LogLevel.DEBUG, LogLevel.NORMAL));

        AdminRun run = admin("log-level");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Log level: debug (configured: normal; a restart returns to it)\n");
        assertThat(server.requests()).extracting(FakeAdminServer.Request::route)
                .containsExactly("GET /admin/v1/log-level");
    }

    @Test
    void log_level_with_a_level_sends_it_and_says_the_change_lasts_until_the_server_restarts() {
        server.answer("POST", "/admin/v1/log-level", 200, new LogLevelView(LogLevel.DEBUG, LogLevel.NORMAL));

        AdminRun run = admin("log-level", "DEBUG");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Log level: debug until the server restarts (configured: normal)\n");
        assertThat(server.requests()).singleElement().satisfies(request -> {
            assertThat(request.route()).isEqualTo("POST /admin/v1/log-level");
            assertThat(request.bodyAs(LogLevelChange.class)).isEqualTo(new LogLevelChange(LogLevel.DEBUG));
        });
    }

    @Test
    void log_level_of_another_name_is_a_usage_error_naming_the_allowed_ones() {
        AdminRun run = admin("log-level", "verbose");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("primary-admin: log level must be low, normal or debug, got \"verbose\"");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void a_usage_error_points_to_the_help_of_the_command_that_was_run() {
        AdminRun invalid = admin("computers", "--limit", "0");
        AdminRun missing = admin("license", "show");

        assertThat(invalid.err()).endsWith("(see 'primary-admin computers --help')\n");
        assertThat(missing.err()).endsWith("(see 'primary-admin license show --help')\n");
    }

    @Test
    void every_command_has_help() {
        for (String command : List.of("server", "summary", "computers", "computer", "verify", "reserve", "release",
                "revoke", "reinstate", "reclaim", "audit", "license", "log-level")) {
            AdminRun help = AdminRun.of(command, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).startsWith("Usage: primary-admin " + command);
        }
        assertThat(AdminRun.of("license", "import", "--help").out()).startsWith("Usage: primary-admin license import");
    }

    private AdminRun admin(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dataDirectory.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return AdminRun.of(all);
    }
}
