package dev.primary.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.AuditEntry;
import dev.primary.protocol.admin.ComputerPage;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.EnrollmentSource;
import dev.primary.protocol.admin.UpdateView;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.UpdateState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strings a client made up (its {@code os}, an update report's reason, what the audit trail quotes of them) reach
 * the administrator's terminal with their control characters escaped, in table, field and JSON output and in the
 * one-line error.
 */
class TerminalOutputTest {
    /** Clears the screen, sets the window title, rings the bell, turns text red, and reverses what follows. */
    private static final String HOSTILE = "\u001b[2J\u001b]0;owned\u0007\u001b[31mLinux\u009b1m\u007f\r\n\u202eexe.txt";
    private static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
    private static final ComputerView COMPUTER = new ComputerView(ComputerIdentity.parse("CORP\\PC1"), "client-1",
            HOSTILE, new Version(0, 1, 0), new Version(1, 0, 1), null, ComputerState.LICENSED,
            "holds a seat of license ACME-1", "ACME-1", T0, T0, T0, T0, "",
            List.of(new UpdateView(Product.RECORDER, new Version(1, 0, 1), new Version(1, 1, 0), UpdateState.FAILED,
                    HOSTILE, 1)), 0);

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
    void computer_shows_a_clients_os_and_update_reason_with_control_characters_escaped() {
        server.answer("GET", "/admin/v1/computers/CORP%5CPC1", 200, COMPUTER);

        AdminRun run = admin("computer", "CORP\\PC1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertNoControlCharacterButLineEnds(run.out());
        assertThat(run.out()).contains("\\u001b[2J\\u001b]0;owned\\u0007\\u001b[31mLinux\\u009b1m\\u007f\\u000d\\u000a"
                + "\\u202eexe.txt");
        assertThat(run.out().lines()).anyMatch(line -> line.startsWith("OS:") && line.endsWith("exe.txt"));
    }

    @Test
    void computers_table_keeps_each_computer_on_one_line_however_its_reason_reads() {
        server.answer("GET", "/admin/v1/computers", 200, new ComputerPage(1, 0, 100, List.of(COMPUTER)));

        AdminRun run = admin("computers");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertNoControlCharacterButLineEnds(run.out());
        assertThat(run.out().lines()).hasSize(3);
    }

    @Test
    void audit_and_enrollment_sources_escape_what_they_quote() {
        server.answer("GET", "/admin/v1/audit", 200, List.of(new AuditEntry(1, T0, "client", "register", "CORP\\PC1",
                "os " + HOSTILE)));
        server.answer("GET", "/admin/v1/enrollment/sources", 200, List.of(new EnrollmentSource("10.0.0.1" + HOSTILE, 1, 0)));

        AdminRun audit = admin("audit");
        AdminRun sources = admin("enrollment", "sources");

        assertThat(audit.exitCode()).as(audit.err()).isZero();
        assertNoControlCharacterButLineEnds(audit.out());
        assertThat(sources.exitCode()).as(sources.err()).isZero();
        assertNoControlCharacterButLineEnds(sources.out());
    }

    @Test
    void json_output_escapes_them_too_and_still_reads_back_as_the_same_strings() {
        server.answer("GET", "/admin/v1/computers/CORP%5CPC1", 200, COMPUTER);

        AdminRun run = admin("computer", "CORP\\PC1", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertNoControlCharacterButLineEnds(run.out());
        ComputerView read = Json.mapper().convertValue(Json.read(run.out().getBytes(StandardCharsets.UTF_8),
                com.fasterxml.jackson.databind.JsonNode.class), ComputerView.class);
        assertThat(read.os()).isEqualTo(HOSTILE);
        assertThat(read.updates().get(0).reason()).isEqualTo(HOSTILE);
    }

    @Test
    void a_refusal_whose_detail_quotes_a_client_is_one_escaped_line() {
        server.problem("GET", "/admin/v1/computers/CORP%5CPC1", ProblemType.NOT_FOUND, "no computer " + HOSTILE);

        AdminRun run = admin("computer", "CORP\\PC1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertNoControlCharacterButLineEnds(run.err());
        assertThat(run.err().lines()).hasSize(1);
    }

    private static void assertNoControlCharacterButLineEnds(String output) {
        for (String line : output.split("\n", -1)) {
            assertThat(line.codePoints().filter(TerminalOutputTest::unsafe).toArray())
                    .as("control or format characters in output line %s", line)
                    .isEmpty();
        }
    }

    private static boolean unsafe(int codePoint) {
        return codePoint < 0x20 || codePoint >= 0x7f && codePoint <= 0x9f
                || codePoint == 0x061c || codePoint >= 0x200b && codePoint <= 0x200f
                || codePoint >= 0x2028 && codePoint <= 0x202e || codePoint >= 0x2066 && codePoint <= 0x2069;
    }

    private AdminRun admin(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dataDirectory.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return AdminRun.of(all);
    }
}
