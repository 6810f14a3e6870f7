package dev.primary.admin.command;

import dev.primary.protocol.admin.HourlyStats;
import dev.primary.protocol.admin.HourlyStatsPage;
import dev.primary.protocol.admin.RecorderVersionCount;
import dev.primary.protocol.admin.RecorderVersions;
import dev.primary.protocol.admin.RolloutProgress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code primary-admin stats ...}: what the Control Center's charts show, as tables or JSON. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Shows the server's statistics: hourly check-ins, registrations and seats, the fleet's",
                "Recorder versions, and a rollout's progress."})
public final class StatsCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: hourly, versions or rollout");
    }

    /** The {@code stats} command group with its subcommands. */
    public static CommandLine group(AdminConsole console) {
        return new CommandLine(new StatsCommand())
                .addSubcommand(new Hourly(console))
                .addSubcommand(new Versions(console))
                .addSubcommand(new Rollout(console));
    }

    /** {@code stats hourly [--from T] [--to T]}. */
    @Command(name = "hourly", mixinStandardHelpOptions = true,
            description = {"Lists the kept hours (UTC): check-ins, registrations and reports answered, and the seats",
                    "as sampled in the hour. The server keeps 90 days; an hour it was down for has no line."})
    static final class Hourly implements Runnable {
        private final AdminConsole console;

        @Option(names = "--from", paramLabel = "INSTANT",
                description = "The first hour, ISO-8601 such as 2026-12-01T00:00:00Z. Default: 7 days before --to.")
        private String from = "";

        @Option(names = "--to", paramLabel = "INSTANT", description = "The end (exclusive), ISO-8601. Default: now.")
        private String to = "";

        @Mixin
        private JsonOption output;

        Hourly(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            console.show(console.api().get().hourlyStats(from.strip(), to.strip()), output.json, answer -> {
                HourlyStatsPage page = answer.as(HourlyStatsPage.class);
                if (page.hours().isEmpty()) {
                    console.out().println("No hours kept from " + page.from() + " to " + page.to() + ".");
                    return;
                }
                TextTable table = new TextTable("HOUR", "CHECK-INS", "REGISTRATIONS", "REPORTS", "LICENSES", "SEATS",
                        "USED", "ACTIVE", "RESERVED", "WAITING");
                for (HourlyStats hour : page.hours()) {
                    HourlyStats.SeatSample seats = hour.seats();
                    table.row(hour.hour().toString(), String.valueOf(hour.checkIns()),
                            String.valueOf(hour.registrations()), String.valueOf(hour.reports()),
                            seats == null ? "-" : String.valueOf(seats.licenses()),
                            seats == null ? "-" : String.valueOf(seats.seats()),
                            seats == null ? "-" : String.valueOf(seats.used()),
                            seats == null ? "-" : String.valueOf(seats.active()),
                            seats == null ? "-" : String.valueOf(seats.reserved()),
                            seats == null ? "-" : String.valueOf(seats.waiting()));
                }
                table.print(console.out());
            });
        }
    }

    /** {@code stats versions}. */
    @Command(name = "versions", mixinStandardHelpOptions = true,
            description = {"Counts the computers by the Recorder version they last reported, newest first;",
                    "V 0.0 (0000) are computers whose Recorder never ran (never licensed)."})
    static final class Versions implements Runnable {
        private final AdminConsole console;

        @Mixin
        private JsonOption output;

        Versions(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            console.show(console.api().get().recorderVersions(), output.json, answer -> {
                RecorderVersions versions = answer.as(RecorderVersions.class);
                TextTable table = new TextTable("RECORDER", "COMPUTERS");
                for (RecorderVersionCount version : versions.versions()) {
                    table.row(version.version(), String.valueOf(version.computers()));
                }
                table.print(console.out());
                console.out().println("Computers: " + versions.computers());
            });
        }
    }

    /** {@code stats rollout ID}. */
    @Command(name = "rollout", mixinStandardHelpOptions = true,
            description = "Counts the computers a rollout reached by update state.")
    static final class Rollout implements Runnable {
        private final AdminConsole console;

        @Parameters(paramLabel = "ID", description = "The rollout's id (see 'rollout list').")
        private long rolloutId;

        @Mixin
        private JsonOption output;

        Rollout(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            console.show(console.api().get().rolloutProgress(rolloutId), output.json, answer -> {
                RolloutProgress progress = answer.as(RolloutProgress.class);
                console.out().printf("Rollout %d: %s %s at %d%%, %s: %d computers: pending %d, downloading %d, "
                        + "installed %d, failed %d%n", progress.id(), progress.product().wireName(),
                        progress.version().display(), progress.percent(), progress.state().wireName(),
                        progress.computers(), progress.pending(), progress.downloading(), progress.installed(),
                        progress.failed());
            });
        }
    }
}
