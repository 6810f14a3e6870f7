package dev.primary.admin.command;

import dev.primary.protocol.admin.ReclaimResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code primary-admin reclaim}: reclaims the seats of computers silent too long, now. */
@Command(name = "reclaim", mixinStandardHelpOptions = true,
        description = "Reclaims now the seats of computers silent longer than the server's reclaim period.")
public final class ReclaimCommand implements Runnable {
    private final AdminConsole console;

    @Mixin
    private JsonOption output;

    public ReclaimCommand(AdminConsole console) {
        this.console = console;
    }

    @Override
    public void run() {
        console.show(console.api().get().reclaim(), output.json, answer -> {
            ReclaimResult result = answer.as(ReclaimResult.class);
            if (result.reclaimed().isEmpty()) {
                console.out().println("Nothing to reclaim: no computer has been silent long enough.");
                return;
            }
            console.out().printf("Reclaimed %d seat%s: %s%n", result.reclaimed().size(),
                    result.reclaimed().size() == 1 ? "" : "s", String.join(", ", result.reclaimed()));
            console.out().printf("%d waiting computer%s got a freed seat.%n", result.seatsGrantedToWaiting(),
                    result.seatsGrantedToWaiting() == 1 ? "" : "s");
        });
    }
}
