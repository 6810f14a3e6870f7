package dev.primary.admin.command;

import dev.primary.admin.AdminUsageException;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.GroupAssignment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code primary-admin group ...}: computer groups, which rollouts can be limited to. */
@Command(name = "group", mixinStandardHelpOptions = true,
        description = "Puts computers in groups; 'rollout start --group G' reaches only that group.")
public final class GroupCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: set");
    }

    /** The {@code group} command group with its subcommands. */
    public static CommandLine group(AdminConsole console) {
        return new CommandLine(new GroupCommand()).addSubcommand(new Set(console));
    }

    /** {@code group set COMPUTER GROUP}. */
    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Puts a computer in a group (a computer is in at most one).",
                    "An empty GROUP (\"\") takes it out of its group."})
    static final class Set implements Runnable {
        private final AdminConsole console;

        @Parameters(index = "0", paramLabel = "COMPUTER", description = "NAME, DOMAIN\\NAME or DOMAIN\\NAME\\USER.")
        private String computer;

        @Parameters(index = "1", paramLabel = "GROUP", description = "1-64 letters, digits, '.', '_' or '-'; \"\" for none.")
        private String group;

        @Mixin
        private JsonOption output;

        Set(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            GroupAssignment assignment = AdminUsageException.validated(() -> new GroupAssignment(computer.strip(), group));
            console.show(console.api().get().assignGroup(assignment), output.json, answer -> {
                ComputerView view = answer.as(ComputerView.class);
                console.out().println(view.computer().display() + (view.group().isEmpty() ? " is in no group"
                        : " is in group " + view.group()));
            });
        }
    }
}
