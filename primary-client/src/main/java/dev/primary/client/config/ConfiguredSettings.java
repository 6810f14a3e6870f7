package dev.primary.client.config;

import dev.primary.client.service.ServiceSettings;
import dev.primary.client.service.SettingsSource;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.time.Durations;
import dev.primary.protocol.tls.TlsPin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Client Service's settings from {@code client.json} with the command line's overrides, and
 * notice of a changed file (by its modification time, size and identity) so that
 * {@code client-service repoint} takes effect in a running service.
 */
public final class ConfiguredSettings implements SettingsSource {
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredSettings.class);

    private final ClientConfigurationFile file;
    private final Overrides overrides;
    private ClientConfiguration configuration;
    private ServiceSettings settings;
    private FileStamp stamp;
    private FileStamp rejectedStamp;

    /**
     * Command-line values that take precedence over {@code client.json}; {@code null} = not given.
     *
     * @param computerName {@code --computer-name}
     * @param domain {@code --domain}
     * @param retry {@code --retry-interval}
     * @param verify {@code --verify-interval}
     * @param nudgePort {@code --nudge-port} (0 = no nudge listener)
     */
    public record Overrides(String computerName, String domain, Duration retry, Duration verify, Integer nudgePort) {
        public static final Overrides NONE = new Overrides(null, null, null, null, null);

        public Overrides(String computerName, String domain, Duration retry, Duration verify) {
            this(computerName, domain, retry, verify, null);
        }
    }

    /**
     * Reads the configuration now.
     *
     * @throws ClientConfigurationException when it is missing or invalid (or the overrides make it so)
     */
    public ConfiguredSettings(ClientConfigurationFile file, Overrides overrides) {
        this.file = Objects.requireNonNull(file, "file");
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.stamp = FileStamp.of(file);
        this.configuration = file.read();
        this.settings = settingsOf(configuration, overrides);
    }

    @Override
    public ServiceSettings current() {
        return settings;
    }

    /** The configuration as read last (the Recorder's command is taken from it). */
    public ClientConfiguration configuration() {
        return configuration;
    }

    @Override
    public Optional<ServiceSettings> changed() {
        FileStamp now = FileStamp.of(file);
        if (now.equals(stamp) || now.equals(rejectedStamp)) {
            return Optional.empty();
        }
        try {
            ClientConfiguration read = file.read();
            ServiceSettings applied = settingsOf(read, overrides);
            configuration = read;
            settings = applied;
            stamp = now;
            rejectedStamp = null;
            return Optional.of(applied);
        } catch (ClientConfigurationException e) {
            LOG.warn("Changed client configuration ignored, keeping the previous one: {}", e.getMessage());
            rejectedStamp = now;
            return Optional.empty();
        }
    }

    /** Applies {@code overrides} to {@code configuration} and validates the result. */
    public static ServiceSettings settingsOf(ClientConfiguration configuration, Overrides overrides) {
        try {
            ClientConfiguration.Server server = configuration.server();
            ServiceSettings.ServerEndpoint endpoint = new ServiceSettings.ServerEndpoint(server.host(), server.port(),
                    new TlsPin(server.tlsPin()), PublicKey.decode(server.serverKey()), server.serverId(),
                    server.addresses().subList(1, server.addresses().size()));
            ClientConfiguration.Intervals intervals = configuration.intervals();
            ServiceSettings.Timing timing = new ServiceSettings.Timing(
                    overrides.retry() != null ? overrides.retry() : Durations.parse(intervals.retry()),
                    overrides.verify() != null ? overrides.verify() : Durations.parse(intervals.verify()),
                    Durations.parse(intervals.maxBackoff()), Durations.parse(intervals.degradedAfter()));
            return new ServiceSettings(endpoint, computerOf(configuration.computer(), overrides),
                    configuration.recorder().version(), timing, updatesOf(configuration, overrides),
                    configuration.token());
        } catch (IllegalArgumentException e) {
            throw new ClientConfigurationException("invalid client configuration: " + e.getMessage(), e);
        }
    }

    private static ServiceSettings.UpdateSettings updatesOf(ClientConfiguration configuration, Overrides overrides) {
        List<PublicKey> releaseKeys = new ArrayList<>();
        for (String key : configuration.server().releaseKeys()) {
            try {
                releaseKeys.add(PublicKey.decode(key));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("server.releaseKeys holds \"" + key + "\", which is not an Ed25519 "
                        + "public key: " + e.getMessage(), e);
            }
        }
        ClientConfiguration.Updates updates = configuration.updates();
        int nudgePort = overrides.nudgePort() != null ? overrides.nudgePort() : updates.nudgePort();
        return new ServiceSettings.UpdateSettings(releaseKeys, nudgePort, Durations.parse(updates.healthPeriod()),
                configuration.recorder().packageCommand(), Durations.parse(updates.serviceHealthPeriod()));
    }

    private static ComputerIdentity computerOf(ClientConfiguration.Computer computer, Overrides overrides) {
        String name = overrides.computerName() != null ? overrides.computerName() : computer.name();
        if (name.isBlank()) {
            name = LocalComputer.name();
        }
        String domain = overrides.domain() != null ? overrides.domain() : computer.domain();
        String user = "";
        if (computer.perUser()) {
            user = computer.userName().isBlank() ? System.getProperty("user.name", "") : computer.userName();
        }
        return new ComputerIdentity(name, domain, user);
    }

    /** What tells a changed file: modification time, size and file identity (an atomic replace makes a new file). */
    private record FileStamp(Object modified, long size, Object identity) {
        static FileStamp of(ClientConfigurationFile file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file.path(), BasicFileAttributes.class);
                return new FileStamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
            } catch (IOException e) {
                return new FileStamp(null, -1, null);
            }
        }
    }
}
