package dev.primary.admin.command;

import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.UpdateView;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code primary-admin computer NAME}: everything known about one computer. */
@Command(name = "computer", mixinStandardHelpOptions = true,
        description = "Shows one computer: state and why, Recorder and its updates, content, group, client, license, "
                + "contacts, lease.")
public final class ComputerCommand implements Runnable {
    private final AdminConsole console;

    @Parameters(paramLabel = "NAME", description = "NAME, DOMAIN\\NAME or DOMAIN\\NAME\\USER.")
    private String name;

    @Mixin
    private JsonOption output;

    public ComputerCommand(AdminConsole console) {
        this.console = console;
    }

    @Override
    public void run() {
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
