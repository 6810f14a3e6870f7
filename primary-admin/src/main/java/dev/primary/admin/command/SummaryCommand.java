package dev.primary.admin.command;

import dev.primary.protocol.admin.LicenseSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code primary-admin summary}: the License Summary. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Shows the License Summary: seats licensed, used, active, reserved, and computers waiting.")
public final class SummaryCommand implements Runnable {
    private final AdminConsole console;

    @Mixin
    private JsonOption output;

    public SummaryCommand(AdminConsole console) {
        this.console = console;
    }

    @Override
    public void run() {
        console.show(console.api().get().summary(), output.json, answer -> {
            LicenseSummary summary = answer.as(LicenseSummary.class);
            console.out().printf("Licenses: %d  Used: %d  Active: %d  Reserved: %d  Waiting: %d%n", summary.licenses(),
                    summary.used(), summary.active(), summary.reserved(), summary.waiting());
        });
    }
}
