package dev.primary.admin.command;

import dev.primary.admin.AdminCommandException;
import dev.primary.admin.AdminUsageException;
import dev.primary.admin.http.AdminApi;
import dev.primary.protocol.admin.AuditEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code primary-admin audit}: the audit trail, newest first, filtered; or all of it as CSV into a file. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Shows the audit trail, newest first: who did what to which computer or license.",
                "Filters combine: only entries matching every one given are shown."})
public final class AuditCommand implements Runnable {
    private final AdminConsole console;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "Show at most N entries (1-1000). Default: ${DEFAULT-VALUE}.")
    private int limit;

    @Option(names = "--before", paramLabel = "ID", defaultValue = "0",
            description = "Only entries older than entry ID (to page back). Default: the newest.")
    private long before;

    @Option(names = "--actor", paramLabel = "NAME", defaultValue = "",
            description = "Only what this account did, e.g. host-admin or system.")
    private String actor;

    @Option(names = "--action", paramLabel = "ACTION", defaultValue = "",
            description = "Only this action, e.g. computer.revoked or seat.reserved.")
    private String action;

    @Option(names = "--computer", paramLabel = "COMPUTER", defaultValue = "",
            description = "Only what was done to this subject: a computer as DOMAIN\\NAME, or a license serial.")
    private String computer;

    @Option(names = "--from", paramLabel = "TIME", defaultValue = "",
            description = "Only entries at or after TIME: ISO-8601, e.g. 2026-12-01T08:00:00Z, or a date 2026-12-01 (UTC).")
    private String from;

    @Option(names = "--to", paramLabel = "TIME", defaultValue = "",
            description = "Only entries before TIME (same forms as --from).")
    private String to;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Write every matching entry (not only --limit) to FILE as CSV (RFC 4180, UTF-8), newest "
                    + "first, fetched in parts of at most 50,000; cells that start like a formula get a leading '.")
    private Path csv;

    @Mixin
    private JsonOption output;

    public AuditCommand(AdminConsole console) {
        this.console = console;
    }

    @Override
    public void run() {
        if (limit < 1 || limit > 1000) {
            throw new AdminUsageException("--limit must be 1 to 1000, got " + limit);
        }
        if (before < 0) {
            throw new AdminUsageException("--before cannot be negative, got " + before);
        }
        String filters = parameter("actor", actor) + parameter("action", action) + parameter("computer", computer)
                + parameter("from", from) + parameter("to", to);
        if (csv != null) {
            writeCsv(console.api().get(), filters);
            return;
        }
        console.show(console.api().get().audit(before, limit, filters), output.json, answer -> {
            List<AuditEntry> entries = answer.asListOf(AuditEntry.class);
            if (entries.isEmpty()) {
                console.out().println("No audit entries" + (before > 0 ? " before " + before : "") + ".");
                return;
            }
            TextTable table = new TextTable("ID", "TIME", "ACTOR", "FROM", "ACTION", "SUBJECT", "DETAIL");
            for (AuditEntry entry : entries) {
                table.row(String.valueOf(entry.id()), Display.time(entry.at()), Display.text(entry.actor()),
                        entry.source().isEmpty() ? "-" : Display.text(entry.source()), Display.text(entry.action()), Display.text(entry.subject()), Display.text(entry.detail()));
            }
            table.print(console.out());
        });
    }

    /** Every part into {@code csv}: the first part whole, the later ones without their header line. */
    private void writeCsv(AdminApi api, String filters) {
        long rows = 0;
        int parts = 0;
        try (OutputStream out = Files.newOutputStream(csv)) {
            long cursor = before;
            do {
                AdminApi.AuditCsvPart part = api.auditCsv(cursor, filters);
                byte[] bytes = part.csv();
                int start = 0;
                if (parts > 0) {
                    while (start < bytes.length && bytes[start] != '\n') {
                        start++;
                    }
                    start = Math.min(start + 1, bytes.length);
                }
                out.write(bytes, start, bytes.length - start);
                rows += rowsIn(bytes) - 1;
                parts++;
                cursor = part.nextBefore();
            } while (cursor > 0);
        } catch (IOException e) {
            throw new AdminCommandException("cannot write " + csv + ": " + e.getMessage(), e);
        }
        console.out().println("Wrote " + rows + " audit entries to " + csv + " (" + parts + (parts == 1 ? " part" : " parts") + ").");
    }

    /** Records in a part (header included): line ends outside quoted fields. */
    private static long rowsIn(byte[] csvBytes) {
        long records = 0;
        boolean quoted = false;
        for (byte b : csvBytes) {
            if (b == '"') {
                quoted = !quoted;
            } else if (b == '\n' && !quoted) {
                records++;
            }
        }
        return records;
    }

    private static String parameter(String name, String value) {
        String text = value.strip();
        return text.isEmpty() ? "" : "&" + name + "=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
