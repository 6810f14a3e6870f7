package dev.primary.admin.command;

import dev.primary.admin.AdminUsageException;
import dev.primary.protocol.admin.ComputerPage;
import dev.primary.protocol.admin.ComputerQuery;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.ComputerView;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code primary-admin computers}: Manage Computers, one page at a time; {@code computers remove}: many at once. */
@Command(name = "computers", mixinStandardHelpOptions = true,
        description = {"Lists computers: Recorder, update, content, state, contacts, and why.",
                "Columns: the Recorder running, the version a rollout targets and the update's state",
                "(pending, downloading, installed, failed), the content revision applied, the computer's",
                "state, its last and next contact, and the reason (with an update failure's reason).",
                "'computers remove' removes many waiting or conflict computers at once."})
public final class ComputersCommand implements Runnable {
    private final AdminConsole console;

    @Option(names = "--search", paramLabel = "TEXT", description = "Only computers whose name, domain or user contains TEXT.")
    private String search = "";

    @Option(names = "--state", paramLabel = "STATE",
            description = "Only computers in this state: licensed, expired, waiting, reserved, revoked, released, "
                    + "reclaimed, conflict (a client key claimed a computer another key holds).")
    private String state;

    @Option(names = "--sort", paramLabel = "COLUMN", defaultValue = "name",
            description = "Sort by name, state or last-contact. Default: ${DEFAULT-VALUE}.")
    private String sort;

    @Option(names = "--desc", description = "Sort in descending order.")
    private boolean descending;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Skip the first N computers. Default: 0.")
    private int offset;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "Show at most N computers (1-1000). Default: ${DEFAULT-VALUE}.")
    private int limit;

    @Mixin
    private JsonOption output;

    ComputersCommand(AdminConsole console) {
        this.console = console;
    }

    /** The {@code computers} command with {@code remove}. */
    public static CommandLine group(AdminConsole console) {
        return new CommandLine(new ComputersCommand(console)).addSubcommand(new RemoveComputersCommand(console));
    }

    @Override
    public void run() {
        ComputerQuery query = query();
        console.show(console.api().get().computers(query), output.json, answer -> print(answer.as(ComputerPage.class)));
    }

    private ComputerQuery query() {
        return AdminUsageException.validated(() -> {
            ComputerState stateFilter = state == null ? null : ComputerState.fromWire(state.strip().toLowerCase(Locale.ROOT));
            return new ComputerQuery(search, stateFilter, ComputerQuery.Sort.parse(sort), descending, offset, limit);
        });
    }

    private void print(ComputerPage page) {
        if (page.items().isEmpty()) {
            console.out().println(page.total() == 0 ? "No computers match."
                    : "No computers on this page: " + page.total() + " match, --offset " + page.offset() + " is past them.");
            return;
        }
        TextTable table = new TextTable("COMPUTER", "RECORDER", "CLIENT", "TARGET", "UPDATE", "CONTENT", "STATE", "LAST CONTACT",
                "NEXT CONTACT", "REASON");
        for (ComputerView computer : page.items()) {
            table.row(computer.computer().display(), computer.recorder(), clientVersion(computer),
                    UpdateColumns.target(computer),
                    UpdateColumns.state(computer), UpdateColumns.content(computer), computer.state().wireName(),
                    Display.time(computer.lastContact()), Display.time(computer.nextExpectedContact()),
                    UpdateColumns.reason(computer));
        }
        table.print(console.out());
        int first = page.offset() + 1;
        int last = page.offset() + page.items().size();
        console.out().printf("Total: %d computer%s, showing %d-%d%n", page.total(), page.total() == 1 ? "" : "s", first, last);
    }

    /** The Client Service's version as it last reported it, in the Recorder's form ({@code V 0.1 (0002)}). */
    private static String clientVersion(ComputerView computer) {
        return computer.clientVersion() == null ? "-" : computer.clientVersion().display();
    }
}
