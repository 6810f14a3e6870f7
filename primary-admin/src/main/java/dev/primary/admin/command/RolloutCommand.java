package dev.primary.admin.command;

import dev.primary.admin.AdminUsageException;
import dev.primary.admin.http.AdminApi;
import dev.primary.admin.http.Answer;
import dev.primary.protocol.admin.RolloutChange;
import dev.primary.protocol.admin.RolloutRequest;
import dev.primary.protocol.admin.RolloutView;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code primary-admin rollout ...}: assigning a release to all computers, a group, or a growing percentage. */
@Command(name = "rollout", mixinStandardHelpOptions = true,
        description = {"Starts, lists and steers rollouts of releases.",
                "A rollout halts by itself when its failures reach its threshold; a newer rollout of the",
                "same product supersedes the older one."})
public final class RolloutCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: start, list, percent, pause or resume");
    }

    /** The {@code rollout} command group with its subcommands. */
    public static CommandLine group(AdminConsole console) {
        return new CommandLine(new RolloutCommand())
                .addSubcommand(new Start(console))
                .addSubcommand(new ListRollouts(console))
                .addSubcommand(new Percent(console))
                .addSubcommand(new Pause(console))
                .addSubcommand(new Resume(console));
    }

    static void describe(PrintWriter out, RolloutView rollout) {
        out.printf("Rollout %d: %s %s to %d%% of %s, %s (assigned %d, installed %d, failed %d; halts at %s)%n",
                rollout.id(), rollout.product().wireName(), rollout.version().display(), rollout.percent(),
                rollout.group().isEmpty() ? "all computers" : "group " + rollout.group(), rollout.state().wireName(),
                rollout.assigned(), rollout.installed(), rollout.failed(),
                rollout.failureThreshold() == 0 ? "no failure count" : rollout.failureThreshold() + " failures");
        if (!rollout.reason().isEmpty()) {
            out.println("  " + rollout.reason());
        }
    }

    /** {@code rollout start --product P --version V ...}; no {@code -V}: {@code --version} is the release's. */
    @Command(name = "start",
            description = {"Starts a rollout of a release that was added with 'release add'.",
                    "Which computers are in a percentage is fixed by a hash of the rollout and the computer,",
                    "so raising it later only adds computers. Computers it reaches are nudged to check in now."})
    static final class Start implements Runnable {
        private final AdminConsole console;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        private boolean help;

        @Option(names = "--product", required = true, paramLabel = "PRODUCT", description = "recorder or client-service.")
        private String product;

        @Option(names = "--version", required = true, paramLabel = "VERSION", description = "The release: 1.2.345 or 'V 1.2 (0345)'.")
        private String version;

        @Option(names = "--group", paramLabel = "GROUP", description = "Only computers of this group (see 'group set'). Default: all.")
        private String group = "";

        @Option(names = "--percent", paramLabel = "N", defaultValue = "100",
                description = "The share of the computers it reaches now, 1-100. Default: ${DEFAULT-VALUE}.")
        private int percent;

        @Option(names = "--failure-threshold", paramLabel = "N", defaultValue = "5",
                description = "Halt by itself when this many computers report a failure (0 = never). Default: ${DEFAULT-VALUE}.")
        private int failureThreshold;

        @Mixin
        private JsonOption output;

        Start(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            RolloutRequest request = AdminUsageException.validated(() -> new RolloutRequest(
                    Product.fromWire(product.strip()), Version.parse(version), group, percent, failureThreshold));
            console.show(console.api().get().startRollout(request), output.json, answer -> {
                console.out().print("Started. ");
                describe(console.out(), answer.as(RolloutView.class));
            });
        }
    }

    /** {@code rollout list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the rollouts and how far each got.")
    static final class ListRollouts implements Runnable {
        private final AdminConsole console;

        @Mixin
        private JsonOption output;

        ListRollouts(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            console.show(console.api().get().rollouts(), output.json, answer -> {
                List<RolloutView> rollouts = answer.asListOf(RolloutView.class);
                if (rollouts.isEmpty()) {
                    console.out().println("No rollouts yet: start one with 'primary-admin rollout start --product P --version V'.");
                    return;
                }
                TextTable table = new TextTable("ID", "PRODUCT", "VERSION", "GROUP", "PERCENT", "STATE", "ASSIGNED",
                        "INSTALLED", "FAILED", "REASON");
                for (RolloutView rollout : rollouts) {
                    table.row(String.valueOf(rollout.id()), rollout.product().wireName(), rollout.version().display(),
                            rollout.group().isEmpty() ? "(all)" : rollout.group(), rollout.percent() + "%",
                            rollout.state().wireName(), String.valueOf(rollout.assigned()),
                            String.valueOf(rollout.installed()), rollout.failed() + "/" + rollout.failureThreshold(),
                            Display.text(rollout.reason()));
                }
                table.print(console.out());
            });
        }
    }

    /** {@code rollout percent ID N}. */
    @Command(name = "percent", mixinStandardHelpOptions = true,
            description = {"Changes the share of computers a rollout reaches.",
                    "Raising it reaches more computers (they are nudged); lowering it assigns no new ones."})
    static final class Percent implements Runnable {
        private final AdminConsole console;

        @Parameters(index = "0", paramLabel = "ID", description = "The rollout's id (see 'rollout list').")
        private long rolloutId;

        @Parameters(index = "1", paramLabel = "N", description = "The new share, 1-100.")
        private int percent;

        @Mixin
        private JsonOption output;

        Percent(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            RolloutChange change = AdminUsageException.validated(() -> new RolloutChange(percent));
            console.show(console.api().get().changeRolloutPercent(rolloutId, change), output.json,
                    answer -> describe(console.out(), answer.as(RolloutView.class)));
        }
    }

    /** {@code rollout pause ID} and {@code rollout resume ID}. */
    abstract static sealed class Steer implements Runnable {
        private final AdminConsole console;

        @Parameters(paramLabel = "ID", description = "The rollout's id (see 'rollout list').")
        private long rolloutId;

        @Mixin
        private JsonOption output;

        Steer(AdminConsole console) {
            this.console = console;
        }

        abstract Answer steer(AdminApi api, long id);

        @Override
        public void run() {
            console.show(steer(console.api().get(), rolloutId), output.json,
                    answer -> describe(console.out(), answer.as(RolloutView.class)));
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Pauses a rollout: it assigns no new computers until resumed; those already updated keep it.")
    static final class Pause extends Steer {
        Pause(AdminConsole console) {
            super(console);
        }

        @Override
        Answer steer(AdminApi api, long id) {
            return api.pauseRollout(id);
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Resumes a paused (or halted) rollout: it assigns computers again.")
    static final class Resume extends Steer {
        Resume(AdminConsole console) {
            super(console);
        }

        @Override
        Answer steer(AdminApi api, long id) {
            return api.resumeRollout(id);
        }
    }
}
