package dev.primary.deployment;

import dev.primary.client.config.ClientConfiguration;
import dev.primary.client.http.EnrollmentTokenCheck;
import dev.primary.protocol.message.EnrollmentCheckAnswer;
import dev.primary.protocol.crypto.PublicKey;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the Deployment Utility found and wrote, for the administrator to read and keep. */
final class Summary {
    private final PrintWriter out;

    Summary(PrintWriter out) {
        this.out = out;
    }

    void print(ServerCheck.CheckedServer server, ClientConfiguration configuration,
            Optional<EnrollmentCheckAnswer> enrollment, InstallDirectory directory, boolean checkOnly) {
        line("Primary Server", server.host() + ":" + server.port() + " (version " + server.hello().serverVersion()
                + ", protocol " + server.hello().protocolVersion() + ")");
        if (!configuration.server().alternates().isEmpty()) {
            line("Servers", configuration.server().addressText() + " (tried in this order)");
        }
        line("Server id", server.hello().serverId());
        line("TLS pin", server.tlsPin().value());
        line("Server key id", server.serverKey().keyId());
        line("Release keys", server.releaseKeys().isEmpty() ? "none (this client will install no update)"
                : server.releaseKeys().stream().map(PublicKey::keyId).collect(Collectors.joining(", ")));
        line("Enrollment", enrollment.map(answer -> "token " + EnrollmentTokenCheck.describe(answer))
                .orElse("no token (the server must enroll openly)"));
        line("Data Vault", configuration.dataVault().host() + ":" + configuration.dataVault().port());
        line("Computer", computer(configuration.computer()));
        line("Recorder", String.join(" ", configuration.recorder().command()) + "  ["
                + configuration.recorder().version().display() + "]");
        line("From a package", String.join(" ", configuration.recorder().packageCommand()));
        ClientConfiguration.Updates updates = configuration.updates();
        line("Updates", (updates.nudgePort() == 0 ? "no nudge port" : "nudge port " + updates.nudgePort()
                + (updates.nudgeBindAddress().isEmpty() ? "" : " on " + updates.nudgeBindAddress()))
                + ", health period " + updates.healthPeriod());
        ClientConfiguration.Intervals intervals = configuration.intervals();
        line("Intervals", "retry " + intervals.retry() + ", verify " + intervals.verify() + ", max backoff "
                + intervals.maxBackoff() + ", degraded after " + intervals.degradedAfter());
        if (checkOnly) {
            out.println("Check only: the server checked out; nothing was written.");
            return;
        }
        line("Wrote", directory.configurationFile().toString());
        out.println();
        out.println("Start the client with:");
        out.println("  bin/client-service run --home " + directory.path());
    }

    private static String computer(ClientConfiguration.Computer computer) {
        String name = computer.name().isEmpty() ? "(this host's name)" : computer.name();
        String qualified = computer.domain().isEmpty() ? name : computer.domain() + "\\" + name;
        return computer.perUser() ? qualified + ", one seat per user" : qualified;
    }

    private void line(String label, String value) {
        out.printf("%-15s %s%n", label + ":", value);
    }
}
