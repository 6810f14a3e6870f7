package dev.primary.admin.command;

import dev.primary.protocol.admin.ServerStatus;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code primary-admin server}. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Shows the server: its id, version, client endpoint, keys, store and the vendor and release"
                + " keys it trusts.")
public final class ServerCommand implements Runnable {
    private final AdminConsole console;

    @Mixin
    private JsonOption output;

    public ServerCommand(AdminConsole console) {
        this.console = console;
    }

    @Override
    public void run() {
        console.show(console.api().get().server(), output.json, answer -> {
            ServerStatus status = answer.as(ServerStatus.class);
            PrintWriter out = console.out();
            Display.field(out, "Server id", Display.text(status.serverId()));
            Display.field(out, "Version", Display.text(status.serverVersion()));
            Display.field(out, "Started at", Display.time(status.startedAt()));
            Display.field(out, "Client endpoint", Display.text(status.clientEndpoint()));
            Display.field(out, "Server key", Display.text(status.serverKey()));
            Display.field(out, "TLS pin", Display.text(status.tlsPin()));
            Display.field(out, "Data directory", Display.text(status.dataDirectory()));
            Display.field(out, "Store", Display.text(status.store()));
            Display.field(out, "Vendor keys", Display.list(status.trustedVendorKeys()));
            Display.field(out, "Release keys", Display.list(status.trustedReleaseKeys()));
            if (!status.trustedKeysProblem().isEmpty()) {
                Display.field(out, "Key problem", Display.text(status.trustedKeysProblem()));
            }
        });
    }
}
