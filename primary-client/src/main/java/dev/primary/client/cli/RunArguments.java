package dev.primary.client.cli;

import dev.primary.client.config.ConfiguredSettings;
import dev.primary.protocol.message.ComputerIdentity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@code client-service run} is given: its home and the settings that override client.json's (absent: not given).
 *
 * @param home the client's home directory
 * @param computerName register as this computer instead of the configured one
 * @param domain the computer's domain or workgroup
 * @param retryInterval the wait between contacts until licensed
 * @param verifyInterval the wait between re-verifications once licensed
 * @param nudgePort the nudge listener's port (0: none)
 */
record RunArguments(Path home, String computerName, String domain, Duration retryInterval, Duration verifyInterval,
        Integer nudgePort) {
    private static final Set<String> OPTIONS = Set.of(
            "--home", "--computer-name", "--domain", "--retry-interval", "--verify-interval", "--nudge-port");
    private static final Pattern PORT = Pattern.compile("0|[1-9][0-9]{0,4}");

    /**
     * {@code args} as a {@code run} command line, read without picocli, when it is one that picocli would take as it
     * stands: {@code run}, then each of its options at most once as {@code --name value} or {@code --name=value},
     * {@code --home} among them, every value valid. Anything else (another command, {@code --help}, an unknown or
     * repeated option, an argument file, a value that starts with {@code -} or is empty, a value picocli would
     * refuse) is empty: picocli reads it, with its usual help and messages.
     */
    static Optional<RunArguments> plainly(String... args) {
        if (args.length < 1 || !args[0].equals("run")) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            String value;
            int equals = name.indexOf('=');
            if (equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return Optional.empty();
            }
            if (!OPTIONS.contains(name) || value.isEmpty() || value.startsWith("-") || value.startsWith("@")
                    || values.putIfAbsent(name, value) != null) {
                return Optional.empty();
            }
        }
        if (!values.containsKey("--home")) {
            return Optional.empty();
        }
        String port = values.get("--nudge-port");
        if (port != null && !PORT.matcher(port).matches()) {
            return Optional.empty();
        }
        try {
            RunArguments arguments = new RunArguments(Path.of(values.get("--home")), values.get("--computer-name"),
                    values.get("--domain"), duration(values.get("--retry-interval")),
                    duration(values.get("--verify-interval")), port == null ? null : Integer.valueOf(port));
            return arguments.problem().isPresent() ? Optional.empty() : Optional.of(arguments);
        } catch (IllegalArgumentException refused) { // an invalid path or duration: picocli says which
            return Optional.empty();
        }
    }

    /** What is wrong with these arguments beyond their types, in the words of a usage error; empty when nothing. */
    Optional<String> problem() {
        try {
            new ComputerIdentity(computerName == null ? "placeholder" : computerName, domain, "");
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (nudgePort != null && (nudgePort < 0 || nudgePort > 65535)) {
            return Optional.of("--nudge-port must be 0 (no listener) or 1-65535, got " + nudgePort);
        }
        return Optional.empty();
    }

    /** The settings given here, which override client.json's. */
    ConfiguredSettings.Overrides overrides() {
        return new ConfiguredSettings.Overrides(computerName, domain, retryInterval, verifyInterval, nudgePort);
    }

    private static Duration duration(String value) {
        return value == null ? null : PositiveDuration.parse(value);
    }
}
