package dev.primary.admin.command;

import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.UpdateView;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code primary-admin computer NAME}: everything known about one computer; {@code computer ACTION NAME}: an
 * action on it (the same as {@code ACTION NAME}).
 */
@Command(name = "computer", mixinStandardHelpOptions = true,
        description = {"Shows one computer, or acts on it (verify, reserve, release, revoke, reinstate, rekey).",
                "With NAME: its state and why, Recorder and its updates, content, group, client, license, contacts, "
                        + "lease.",
                "With an action: 'computer rekey NAME' is the same as 'rekey NAME'; see 'computer ACTION --help'. "
                        + "A computer named like an action is shown with its domain (DOMAIN\\rekey) or after "
                        + "'--' (computer -- rekey)."})
public final class ComputerCommand implements Runnable {
    private final AdminConsole console;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    // Optional for picocli, required here: picocli would demand NAME of the parent even when an action is given.
    @Parameters(paramLabel = "NAME", arity = "0..1", description = "NAME, DOMAIN\\NAME or DOMAIN\\NAME\\USER.")
    private String name;

    @Mixin
    private JsonOption output;

    ComputerCommand(AdminConsole console) {
        this.console = console;
    }

    /** The {@code computer} command with its actions. */
    public static CommandLine group(AdminConsole console) {
        return new CommandLine(new ComputerCommand(console))
                .addSubcommand(new ComputerActionCommand.Verify(console))
                .addSubcommand(new ComputerActionCommand.Reserve(console))
                .addSubcommand(new ComputerActionCommand.ReleaseSeat(console))
                .addSubcommand(new ComputerActionCommand.Revoke(console))
                .addSubcommand(new ComputerActionCommand.Reinstate(console))
                .addSubcommand(new ComputerActionCommand.Rekey(console));
    }

    @Override
    public void run() {
        if (name == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Missing required parameter: 'NAME', or an action: verify, reserve, release, revoke, reinstate, "
                            + "rekey");
        }
        console.show(console.api().get().computer(name.strip()), output.json,
                answer -> print(console.out(), answer.as(ComputerView.class)));
    }

    static void print(PrintWriter out, ComputerView computer) {
        Display.field(out, "Computer", computer.computer().display());
        Display.field(out, "State", computer.state().wireName());
        Display.field(out, "Reason", Display.text(computer.reason()));
        Display.field(out, "Recorder", computer.recorder());
        if (computer.updates().isEmpty()) {
            Display.field(out, "Updates", "none assigned");
        }
        for (UpdateView update : computer.updates()) {
            Display.field(out, "Update " + update.product().wireName(), UpdateColumns.describe(update));
        }
        Display.field(out, "Content revision", UpdateColumns.content(computer));
        Display.field(out, "Group", computer.group().isEmpty() ? "(none)" : computer.group());
        Display.field(out, "Client version", computer.clientVersion() == null ? "-" : computer.clientVersion().dotted());
        Display.field(out, "Client id", Display.text(computer.clientId()));
        Display.field(out, "OS", Display.text(computer.os()));
        Display.field(out, "License", Display.text(computer.licenseSerial()));
        Display.field(out, "First seen", Display.time(computer.firstSeen()));
        Display.field(out, "Last contact", Display.time(computer.lastContact()));
        Display.field(out, "Next contact", Display.time(computer.nextExpectedContact()));
        Display.field(out, "Lease expires", Display.time(computer.leaseExpiresAt()));
    }
}
