package dev.primary.admin.command;

import dev.primary.admin.AdminUsageException;
import dev.primary.protocol.admin.AuditEntry;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code primary-admin audit}: the audit trail, newest first. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Shows the audit trail, newest first: who did what to which computer or license.")
public final class AuditCommand implements Runnable {
    private final AdminConsole console;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "Show at most N entries (1-1000). Default: ${DEFAULT-VALUE}.")
    private int limit;

    @Option(names = "--before", paramLabel = "ID", defaultValue = "0",
            description = "Only entries older than entry ID (to page back). Default: the newest.")
    private long before;

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
        console.show(console.api().get().audit(before, limit), output.json, answer -> {
            List<AuditEntry> entries = answer.asListOf(AuditEntry.class);
            if (entries.isEmpty()) {
                console.out().println("No audit entries" + (before > 0 ? " before " + before : "") + ".");
                return;
            }
            TextTable table = new TextTable("ID", "TIME", "ACTOR", "ACTION", "SUBJECT", "DETAIL");
            for (AuditEntry entry : entries) {
                table.row(String.valueOf(entry.id()), Display.time(entry.at()), Display.text(entry.actor()),
                        Display.text(entry.action()), Display.text(entry.subject()), Display.text(entry.detail()));
            }
            table.print(console.out());
        });
    }
}
