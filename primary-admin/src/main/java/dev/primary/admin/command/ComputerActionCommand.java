package dev.primary.admin.command;

import dev.primary.admin.AdminUsageException;
import dev.primary.admin.http.AdminApi;
import dev.primary.protocol.admin.ComputerAction;
import dev.primary.protocol.admin.ComputerView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The actions on one computer: verify, reserve, release, revoke, reinstate, rekey. Each prints where it stands
 * after. Each is a command of its own ({@code revoke NAME}) and one of {@code computer}'s ({@code computer revoke NAME}).
 */
public abstract sealed class ComputerActionCommand implements Runnable {
    private final AdminConsole console;
    private final AdminApi.ComputerActionKind kind;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    // Optional for picocli, required here: 'release' also has the subcommands 'add' and 'list', and picocli
    // would demand a required NAME of the parent even when a subcommand is given.
    @Parameters(paramLabel = "NAME", arity = "0..1", description = "NAME, DOMAIN\\NAME or DOMAIN\\NAME\\USER.")
    private String name;

    @Mixin
    private JsonOption output;

    ComputerActionCommand(AdminConsole console, AdminApi.ComputerActionKind kind) {
        this.console = console;
        this.kind = kind;
    }

    /** The reason given with {@code --reason}; empty when the command takes none. */
    String reason() {
        return "";
    }

    /** What is sent for computer {@code computer}. */
    ComputerAction action(String computer) {
        return new ComputerAction(computer, reason());
    }

    @Override
    public void run() {
        if (name == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'NAME'");
        }
        ComputerAction action = AdminUsageException.validated(() -> action(name.strip()));
        console.show(console.api().get().act(kind, action), output.json, answer -> {
            ComputerView computer = answer.as(ComputerView.class);
            console.out().println(computer.computer().display() + ": " + computer.state().wireName()
                    + (computer.reason().isEmpty() ? "" : " - " + computer.reason()));
        });
    }

    /** Commands that record a reason in the audit trail. */
    abstract static sealed class WithReason extends ComputerActionCommand {
        @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in the audit trail, at most 500 characters).")
        private String reason = "";

        WithReason(AdminConsole console, AdminApi.ComputerActionKind kind) {
            super(console, kind);
        }

        @Override
        String reason() {
            return reason;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Re-checks a computer's seat and lease against the licenses and shows where it stands.")
    public static final class Verify extends ComputerActionCommand {
        public Verify(AdminConsole console) {
            super(console, AdminApi.ComputerActionKind.VERIFY);
        }
    }

    @Command(name = "reserve", mixinStandardHelpOptions = true,
            description = "Reserves a seat for a computer whose client is not installed yet.")
    public static final class Reserve extends WithReason {
        public Reserve(AdminConsole console) {
            super(console, AdminApi.ComputerActionKind.RESERVE);
        }
    }

    @Command(name = "release", mixinStandardHelpOptions = true,
            description = {"Releases a computer's seat, or adds and lists software releases ('release add', 'release list').",
                    "With a NAME: releases that computer's seat (decommissioned, renamed, re-imaged); a waiting",
                    "computer gets it. With 'add' or 'list' instead: see 'release add --help'.",
                    "A computer named add or list is released with its domain: release DOMAIN\\add."})
    public static final class Release extends WithReason {
        public Release(AdminConsole console) {
            super(console, AdminApi.ComputerActionKind.RELEASE);
        }
    }

    /** {@code computer release NAME}: the seat only ({@code release} alone also adds and lists software releases). */
    @Command(name = "release", mixinStandardHelpOptions = true,
            description = "Releases a computer's seat (decommissioned, renamed, re-imaged); a waiting computer gets it.")
    public static final class ReleaseSeat extends WithReason {
        public ReleaseSeat(AdminConsole console) {
            super(console, AdminApi.ComputerActionKind.RELEASE);
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Revokes a computer: frees its seat and refuses it until reinstated.",
                    "Its client key is refused too, under any name, domain or user seat."})
    public static final class Revoke extends WithReason {
        @Option(names = "--with-token",
                description = "Also revoke the enrollment token that enrolled it (it then enrolls no more computers).")
        private boolean withToken;

        public Revoke(AdminConsole console) {
            super(console, AdminApi.ComputerActionKind.REVOKE);
        }

        @Override
        ComputerAction action(String computer) {
            return new ComputerAction(computer, reason(), withToken);
        }
    }

    @Command(name = "rekey", mixinStandardHelpOptions = true,
            description = {"Lets a new client key take over a computer, once: for a re-imaged or replaced computer.",
                    "The next registration of NAME by a new key takes it over with its seat, and the old key "
                            + "loses it; until then the current holder keeps it."})
    public static final class Rekey extends WithReason {
        public Rekey(AdminConsole console) {
            super(console, AdminApi.ComputerActionKind.REKEY);
        }
    }

    @Command(name = "reinstate", mixinStandardHelpOptions = true,
            description = "Lifts a revocation; the computer registers anew at its next contact.")
    public static final class Reinstate extends WithReason {
        public Reinstate(AdminConsole console) {
            super(console, AdminApi.ComputerActionKind.REINSTATE);
        }
    }
}
