package dev.primary.admin.command;

import dev.primary.admin.AdminUsageException;
import dev.primary.protocol.admin.ComputerRemoval;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.RemovalResult;
import dev.primary.protocol.time.Durations;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code primary-admin computers remove --state waiting|conflict ...}: many computers without a seat, at once. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = {"Removes many waiting or conflict computers at once, without asking.",
                "For a flood of fake registrations or stale conflicts: every computer in the state given "
                        + "(narrowed by --silent-for and --token) is removed, each removal audited. A real client "
                        + "among them has to register anew. A computer holding a seat is released or revoked one "
                        + "at a time instead."})
final class RemoveComputersCommand implements Runnable {
    private final AdminConsole console;

    @Option(names = "--state", paramLabel = "STATE", description = "Which computers: waiting or conflict. Required.")
    private String state;

    @Option(names = "--silent-for", paramLabel = "DURATION",
            description = "Only those whose last contact is at least this long ago, like 90m, 12h or 7d. Default: any.")
    private String silentFor;

    @Option(names = "--token", paramLabel = "ID",
            description = "Only those enrolled with this enrollment token: its id (see 'enrollment list') or the "
                    + "whole token. Default: any.")
    private String token = "";

    @Mixin
    private JsonOption output;

    RemoveComputersCommand(AdminConsole console) {
        this.console = console;
    }

    @Override
    public void run() {
        ComputerRemoval removal = removal();
        console.show(console.api().get().removeComputers(removal), output.json, answer -> {
            RemovalResult result = answer.as(RemovalResult.class);
            console.out().printf("Removed %d %s computer%s%s.%n", result.removed(), removal.state().wireName(),
                    result.removed() == 1 ? "" : "s", which(removal));
        });
    }

    private ComputerRemoval removal() {
        if (state == null) {
            throw new AdminUsageException("missing --state: give --state waiting or --state conflict");
        }
        long silentForSeconds = silentFor == null ? 0 : DurationOption.seconds("--silent-for", silentFor);
        return AdminUsageException.validated(() -> new ComputerRemoval(
                ComputerState.fromWire(state.strip().toLowerCase(Locale.ROOT)), silentForSeconds,
                EnrollmentCommand.tokenId(token)));
    }

    private static String which(ComputerRemoval removal) {
        String silent = removal.silentForSeconds() == 0 ? ""
                : " silent for at least " + Durations.format(Duration.ofSeconds(removal.silentForSeconds()));
        String enrolledWith = removal.token().isEmpty() ? "" : " enrolled with token " + removal.token();
        return silent + (!silent.isEmpty() && !enrolledWith.isEmpty() ? " and" : "") + enrolledWith;
    }
}
