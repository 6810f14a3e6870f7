package dev.primary.admin.command;

import dev.primary.protocol.admin.TrafficCounters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code primary-admin counters}: what the client port has answered since the server started. */
@Command(name = "counters", mixinStandardHelpOptions = true,
        description = "Shows what the client port has answered since the server started: registrations, "
                + "verifications, reports, package downloads, busy refusals (503, retry later), requests over a "
                + "per-address limit (429, retry later), other problems, connections refused over a connection cap, "
                + "and requests whose head or body did not arrive in time (408).")
public final class CountersCommand implements Runnable {
    private final AdminConsole console;

    @Mixin
    private JsonOption output;

    public CountersCommand(AdminConsole console) {
        this.console = console;
    }

    @Override
    public void run() {
        console.show(console.api().get().counters(), output.json, answer -> {
            TrafficCounters counters = answer.as(TrafficCounters.class);
            console.out().printf("Registrations: %d  Verifications: %d  Reports: %d  Downloads: %d  Busy (503): %d  "
                    + "Rate-limited (429): %d  Problems: %d  Connections refused: %d  Timed out (408): %d%n",
                    counters.registrations(), counters.verifications(), counters.reports(), counters.packageDownloads(),
                    counters.busyRefusals(), counters.rateLimited(), counters.problemAnswers(),
                    counters.refusedConnections(), counters.timedOutRequests());
        });
    }
}
