package dev.primary.deployment;

import dev.primary.client.config.ClientConfiguration;
import dev.primary.client.config.IpAddresses;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.time.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options that shape a client's configuration (computer, Recorder, Data Vault, intervals, updates),
 * and their validation into a {@link ClientPlan}. Every rule broken is an
 * {@link IllegalArgumentException} naming the option.
 */
final class ClientOptions {
    static final String DEFAULT_RECORDER_VERSION = "1.0.1";

    @Option(names = "--data-vault", paramLabel = "HOST[:PORT]",
            description = "The Data Vault the Recorder sends its data to. Default: the server's host, port 16769.")
    String dataVault;

    @Option(names = "--computer-name", paramLabel = "NAME",
            description = "The name this client registers with. Default: the host's name, read when the client starts.")
    String computerName = "";

    @Option(names = "--domain", paramLabel = "DOMAIN", description = "The computer's domain or workgroup. Default: none.")
    String domain = "";

    @Option(names = "--per-user", description = "One seat per logged-in user (multi-user host) instead of one per computer.")
    boolean perUser;

    @Option(names = "--recorder-command", paramLabel = "\"PROGRAM ARG...\"",
            description = {"The Recorder's command line, split on whitespace.",
                    "Default: $PRIMARY_HOME/bin/sample-recorder --log DIR/recorder.log (when PRIMARY_HOME is set)."})
    String recorderCommand;

    @Option(names = "--recorder-arg", paramLabel = "ARG",
            description = "One more Recorder argument, kept whole (for arguments with spaces); repeat for several.")
    List<String> recorderArgs = new ArrayList<>();

    @Option(names = "--recorder-package-command", paramLabel = "\"PROGRAM ARG...\"",
            description = {"How to run a Recorder installed from a release package, split on whitespace:",
                    "{package} stands for the installed package file, {home} for the client's directory.",
                    "Default: {package} (the package is the program)."})
    String recorderPackageCommand;

    @Option(names = "--recorder-package-arg", paramLabel = "ARG",
            description = "One more argument of the package command (after {package} if no command is given), kept whole; "
                    + "repeat for several.")
    List<String> recorderPackageArgs = new ArrayList<>();

    @Option(names = "--recorder-version", paramLabel = "VERSION", defaultValue = DEFAULT_RECORDER_VERSION,
            description = "The Recorder's version, shown in Manage Computers (1.2.345 or 'V 1.2 (0345)'). Default: ${DEFAULT-VALUE}.")
    String recorderVersion;

    @Option(names = "--retry-interval", paramLabel = "DURATION", defaultValue = "60s",
            description = "Until the first license, contact the server this often. Default: ${DEFAULT-VALUE}.")
    String retryInterval;

    @Option(names = "--verify-interval", paramLabel = "DURATION", defaultValue = "4h",
            description = "Once licensed, re-verify this often. Default: ${DEFAULT-VALUE}.")
    String verifyInterval;

    @Option(names = "--max-backoff", paramLabel = "DURATION", defaultValue = "1h",
            description = "After contact is lost, retries back off up to this. Default: ${DEFAULT-VALUE}.")
    String maxBackoff;

    @Option(names = "--nudge-port", paramLabel = "N", defaultValue = "2468",
            description = "TCP port where the client takes the server's \"check in now\" nudge (0 = none). "
                    + "Default: ${DEFAULT-VALUE}.")
    int nudgePort;

    @Option(names = "--nudge-bind-address", paramLabel = "ADDRESS",
            description = "Bind the nudge port to this one IP address of the client's computer. Default: all addresses.")
    String nudgeBindAddress = "";

    @Option(names = "--health-period", paramLabel = "DURATION", defaultValue = "30s",
            description = "A newly installed Recorder must stay up this long, or the client rolls it back. "
                    + "Default: ${DEFAULT-VALUE}.")
    String healthPeriod;

    @Option(names = "--degraded-after", paramLabel = "DURATION", defaultValue = "24h",
            description = "Without contact this long the client shows itself degraded. Default: ${DEFAULT-VALUE}.")
    String degradedAfter;

    /**
     * @param serverHost the server's host, the Data Vault's default host
     * @param installDirectory where the client is installed (for the default Recorder's log)
     * @param environment where {@code PRIMARY_HOME} is read from
     */
    ClientPlan plan(String serverHost, Path installDirectory, Map<String, String> environment) {
        DataVaultAddress vault = dataVault == null
                ? new DataVaultAddress(serverHost, DataVaultAddress.DEFAULT_PORT)
                : DataVaultAddress.parse(dataVault);
        return new ClientPlan(vault, computer(), recorder(installDirectory, environment), intervals(), updates());
    }

    private ClientConfiguration.Computer computer() {
        String name = computerName.strip();
        String cleanDomain = domain.strip();
        // Validates name and domain as the server will; a placeholder stands in for "the host's name".
        new ComputerIdentity(name.isEmpty() ? "host" : name, cleanDomain, "");
        return new ClientConfiguration.Computer(name, cleanDomain, perUser, "");
    }

    private ClientConfiguration.Recorder recorder(Path installDirectory, Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        if (recorderCommand != null && !recorderCommand.isBlank()) {
            command.addAll(Arrays.asList(recorderCommand.strip().split("\\s+")));
            command.addAll(recorderArgs);
        } else if (!recorderArgs.isEmpty()) {
            throw new IllegalArgumentException("--recorder-arg needs --recorder-command (the program to run)");
        } else {
            String home = environment.get("PRIMARY_HOME");
            if (home == null || home.isBlank()) {
                throw new IllegalArgumentException("give --recorder-command \"PROGRAM ARG...\": PRIMARY_HOME is not set, "
                        + "so the sample Recorder cannot be found");
            }
            command.addAll(List.of(Path.of(home, "bin", "sample-recorder").toString(), "--log",
                    installDirectory.resolve("recorder.log").toString()));
        }
        return new ClientConfiguration.Recorder(command, Version.parse(recorderVersion), packageCommand());
    }

    private List<String> packageCommand() {
        List<String> command = new ArrayList<>();
        if (recorderPackageCommand != null && !recorderPackageCommand.isBlank()) {
            command.addAll(Arrays.asList(recorderPackageCommand.strip().split("\\s+")));
        } else if (!recorderPackageArgs.isEmpty()) {
            command.addAll(ClientConfiguration.Recorder.DEFAULT_PACKAGE_COMMAND);
        }
        command.addAll(recorderPackageArgs);
        return command.isEmpty() ? ClientConfiguration.Recorder.DEFAULT_PACKAGE_COMMAND : command;
    }

    private ClientConfiguration.Updates updates() {
        if (nudgePort < 0 || nudgePort > 65535) {
            throw new IllegalArgumentException("--nudge-port must be 0 (none) or 1-65535, got " + nudgePort);
        }
        positive("--health-period", healthPeriod);
        if (!nudgeBindAddress.isBlank() && IpAddresses.literal(nudgeBindAddress).isEmpty()) {
            throw new IllegalArgumentException("--nudge-bind-address must be an IP address of the client's computer, got \""
                    + nudgeBindAddress + "\"");
        }
        return new ClientConfiguration.Updates(nudgePort, healthPeriod.strip()).withNudgeBindAddress(nudgeBindAddress);
    }

    private ClientConfiguration.Intervals intervals() {
        Duration retry = positive("--retry-interval", retryInterval);
        positive("--verify-interval", verifyInterval);
        Duration backoff = positive("--max-backoff", maxBackoff);
        positive("--degraded-after", degradedAfter);
        if (backoff.compareTo(retry) < 0) {
            throw new IllegalArgumentException("--max-backoff (" + maxBackoff + ") cannot be shorter than --retry-interval ("
                    + retryInterval + ")");
        }
        return new ClientConfiguration.Intervals(retryInterval.strip(), verifyInterval.strip(), maxBackoff.strip(),
                degradedAfter.strip());
    }

    private static Duration positive(String option, String text) {
        Duration duration;
        try {
            duration = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
        if (duration.isZero()) {
            throw new IllegalArgumentException(option + " must be longer than zero");
        }
        return duration;
    }
}
