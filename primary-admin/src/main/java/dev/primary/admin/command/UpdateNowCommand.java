package dev.primary.admin.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.primary.admin.AdminUsageException;
import dev.primary.protocol.admin.ComputerAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code primary-admin update-now NAME}: nudges one computer to check in at once. */
@Command(name = "update-now", mixinStandardHelpOptions = true,
        description = {"Nudges a computer to check in now, to pick up its update within seconds.",
                "Without it, an update or a revocation waits for the computer's next regular check-in.",
                "The nudge carries no command: the client makes its normal authenticated check-in.",
                "Exits 0 even when the nudge cannot be delivered (the computer then updates at its",
                "next check-in); the line printed says which."})
public final class UpdateNowCommand implements Runnable {
    private final AdminConsole console;

    @Parameters(paramLabel = "NAME", description = "NAME, DOMAIN\\NAME or DOMAIN\\NAME\\USER.")
    private String name;

    @Mixin
    private JsonOption output;

    public UpdateNowCommand(AdminConsole console) {
        this.console = console;
    }

    @Override
    public void run() {
        ComputerAction action = AdminUsageException.validated(() -> new ComputerAction(name.strip(), ""));
        console.show(console.api().get().updateNow(action), output.json, answer -> {
            JsonNode result = answer.as(JsonNode.class);
            boolean nudged = result.path("nudged").asBoolean(false);
            String detail = result.path("detail").asText("");
            console.out().println((nudged ? "Nudged " : "Not nudged ") + action.computer()
                    + (detail.isEmpty() ? "" : ": " + detail));
        });
    }
}
