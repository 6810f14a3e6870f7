package dev.primary.client.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.primary.client.service.EnrollmentToken;
import dev.primary.client.service.ServerAddress;
import dev.primary.protocol.message.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A Client Service's install configuration: {@code <home>/client.json}, written by the Deployment
 * Utility (and by {@code client-service repoint}), read by {@code client-service run}.
 *
 * @param server the Primary Server this client belongs to, with the keys pinned at install
 * @param dataVault where the Recorder's data goes (settings only, for now)
 * @param computer how this computer names itself; empty name = the host's name
 * @param recorder the supervised Recorder program
 * @param intervals the timing of contacts (durations as text: {@code 60s}, {@code 4h})
 * @param updates how the client takes software updates (absent: the defaults)
 * @param enrollmentToken the enrollment token sent with every registration ({@code <id>.<secret>}, written by the
 *     Deployment Utility or {@code client-service repoint}); empty (or absent) when the client has none. A secret:
 *     {@link #toString()} shows its id only, and the file is written readable by its owner only
 */
public record ClientConfiguration(Server server, DataVault dataVault, Computer computer, Recorder recorder,
        Intervals intervals, Updates updates, String enrollmentToken) {
    public static final String FILE_NAME = "client.json";

    public ClientConfiguration(Server server, DataVault dataVault, Computer computer, Recorder recorder,
            Intervals intervals) {
        this(server, dataVault, computer, recorder, intervals, Updates.DEFAULTS);
    }

    public ClientConfiguration(Server server, DataVault dataVault, Computer computer, Recorder recorder,
            Intervals intervals, Updates updates) {
        this(server, dataVault, computer, recorder, intervals, updates, "");
    }

    public ClientConfiguration {
        updates = updates == null ? Updates.DEFAULTS : updates;
        enrollmentToken = enrollmentToken == null ? "" : enrollmentToken;
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(dataVault, "dataVault");
        Objects.requireNonNull(computer, "computer");
        Objects.requireNonNull(recorder, "recorder");
        Objects.requireNonNull(intervals, "intervals");
        try {
            new EnrollmentToken(enrollmentToken);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("enrollmentToken: " + e.getMessage(), e);
        }
    }

    /** The enrollment token as its type (whose {@code toString} hides the secret). */
    public EnrollmentToken token() {
        return new EnrollmentToken(enrollmentToken);
    }

    /** This configuration with {@code token} as its enrollment token. */
    public ClientConfiguration withToken(EnrollmentToken token) {
        return new ClientConfiguration(server, dataVault, computer, recorder, intervals, updates, token.text());
    }

    /** This configuration pointing to {@code newServer}; everything else stays. */
    public ClientConfiguration withServer(Server newServer) {
        return new ClientConfiguration(newServer, dataVault, computer, recorder, intervals, updates, enrollmentToken);
    }

    /** Every field but the enrollment token's secret, which is never printed. */
    @Override
    public String toString() {
        return "ClientConfiguration[server=" + server + ", dataVault=" + dataVault + ", computer=" + computer
                + ", recorder=" + recorder + ", intervals=" + intervals + ", updates=" + updates + ", "
                + token() + "]";
    }

    /**
     * @param host name or IP address of the Primary Server (the first one tried)
     * @param port its client port (default 16770)
     * @param tlsPin pin of its TLS key, {@code sha256/...}
     * @param serverKey its Ed25519 lease-signing public key (base64url)
     * @param serverId its installation id, as seen at install
     * @param releaseKeys the release-signing public keys (base64url) pinned at install: only releases and
     *     content updates signed by one of them are ever installed
     * @param alternates further servers of the same fleet (same installation id, keys and TLS key), tried in this
     *     order when the first does not answer: {@code host:port}, {@code [ipv6]:port}, or a bare {@code host} on
     *     {@code port}; absent or empty (the default, and every file written before failover existed) = the one server.
     *     Left out of the file when empty, so that a single-server file stays as it was
     */
    public record Server(String host, int port, String tlsPin, String serverKey, String serverId,
            List<String> releaseKeys, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> alternates) {
        public Server(String host, int port, String tlsPin, String serverKey, String serverId) {
            this(host, port, tlsPin, serverKey, serverId, List.of());
        }

        public Server(String host, int port, String tlsPin, String serverKey, String serverId,
                List<String> releaseKeys) {
            this(host, port, tlsPin, serverKey, serverId, releaseKeys, List.of());
        }

        public Server {
            releaseKeys = releaseKeys == null ? List.of() : List.copyOf(releaseKeys);
            alternates = alternates == null ? List.of() : alternates.stream().map(String::strip).toList();
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(tlsPin, "tlsPin");
            Objects.requireNonNull(serverKey, "serverKey");
            Objects.requireNonNull(serverId, "serverId");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("server port must be 1-65535, got " + port);
            }
            addressesOf(host, port, alternates);
        }

        /** A server list: the first address as {@code host} and {@code port}, the others as alternates. */
        public static Server of(List<ServerAddress> addresses, String tlsPin, String serverKey, String serverId,
                List<String> releaseKeys) {
            if (addresses.isEmpty()) {
                throw new IllegalArgumentException("a client needs at least one server");
            }
            ServerAddress first = addresses.get(0);
            return new Server(first.host(), first.port(), tlsPin, serverKey, serverId, releaseKeys,
                    addresses.subList(1, addresses.size()).stream().map(ServerAddress::text).toList());
        }

        /** Every server in the order tried: {@code host:port} first, then the alternates. */
        public List<ServerAddress> addresses() {
            return addressesOf(host, port, alternates);
        }

        /** The addresses as {@code host:port, host:port}, for people. */
        public String addressText() {
            return addresses().stream().map(ServerAddress::text).collect(Collectors.joining(", "));
        }

        /** This server list with other addresses; keys and id stay. */
        public Server withAddresses(List<ServerAddress> addresses) {
            return of(addresses, tlsPin, serverKey, serverId, releaseKeys);
        }

        private static List<ServerAddress> addressesOf(String host, int port, List<String> alternates) {
            if (host.isBlank()) {
                throw new IllegalArgumentException("server host cannot be empty");
            }
            if (1 + alternates.size() > ServerAddress.MAX_SERVERS) {
                throw new IllegalArgumentException("at most " + ServerAddress.MAX_SERVERS + " servers (host and "
                        + "alternates), got " + (1 + alternates.size()));
            }
            List<ServerAddress> addresses = new ArrayList<>();
            addresses.add(new ServerAddress(host, port));
            for (String alternate : alternates) {
                ServerAddress address;
                try {
                    address = ServerAddress.parse(alternate, port);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("server.alternates: " + e.getMessage(), e);
                }
                if (addresses.contains(address)) {
                    throw new IllegalArgumentException("server.alternates names " + address.text() + " twice (or "
                            + "again as the first server)");
                }
                addresses.add(address);
            }
            return List.copyOf(addresses);
        }
    }

    /** @param host Data Vault name or IP; @param port its port (default 16769) */
    public record DataVault(String host, int port) {
        public DataVault {
            Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("data vault port must be 1-65535, got " + port);
            }
        }
    }

    /**
     * @param name computer name; empty = the host's name
     * @param domain domain or workgroup; may be empty
     * @param perUser true on a multi-user host: one seat per logged-in user instead of per computer
     * @param userName the user, when {@code perUser}; empty = the OS user running the client
     */
    public record Computer(String name, String domain, boolean perUser, String userName) {
        public Computer {
            name = name == null ? "" : name;
            domain = domain == null ? "" : domain;
            userName = userName == null ? "" : userName;
        }
    }

    /**
     * @param command the Recorder's command line (program and arguments)
     * @param version the Recorder's version, shown in Manage Computers while it runs
     * @param packageCommand how to run a Recorder installed from a release package: {@code {package}} stands for the
     *     installed package file, {@code {home}} for the client's home; default {@code ["{package}"]} (the package is
     *     the program)
     */
    public record Recorder(List<String> command, Version version, List<String> packageCommand) {
        public static final List<String> DEFAULT_PACKAGE_COMMAND = List.of("{package}");

        public Recorder(List<String> command, Version version) {
            this(command, version, DEFAULT_PACKAGE_COMMAND);
        }

        public Recorder {
            command = List.copyOf(command);
            packageCommand = packageCommand == null || packageCommand.isEmpty()
                    ? DEFAULT_PACKAGE_COMMAND : List.copyOf(packageCommand);
            Objects.requireNonNull(version, "version");
            if (command.isEmpty()) {
                throw new IllegalArgumentException("recorder command cannot be empty");
            }
        }
    }

    /**
     * @param retry first-contact retry interval (default {@code 60s})
     * @param verify re-verification interval once licensed (default {@code 4h})
     * @param maxBackoff the longest wait between retries after contact is lost (default {@code 1h})
     * @param degradedAfter without contact this long, the client shows itself degraded (default {@code 24h})
     */
    public record Intervals(String retry, String verify, String maxBackoff, String degradedAfter) {
        public static final Intervals DEFAULTS = new Intervals("60s", "4h", "1h", "24h");

        public Intervals {
            Objects.requireNonNull(retry, "retry");
            Objects.requireNonNull(verify, "verify");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            Objects.requireNonNull(degradedAfter, "degradedAfter");
            for (String value : List.of(retry, verify, maxBackoff, degradedAfter)) {
                dev.primary.protocol.time.Durations.parse(value);
            }
        }
    }

    /**
     * @param nudgePort TCP port for the server's "check in now" nudge (default 2468; 0 = no listener)
     * @param healthPeriod a newly installed Recorder must stay up this long, or it is rolled back (default {@code 30s})
     * @param nudgeBindAddress the one local IP address the nudge listener binds to; empty (the default) = all
     * @param nudgeSources names or addresses that may nudge this client besides the configured Primary Server (other
     *     servers of the same fleet, say); empty (the default) = only the configured server
     * @param serviceHealthPeriod a new Client Service version must reach the server this soon after it starts, or it
     *     goes back to the version it replaced (default {@code 5m}; absent from older files = the default)
     */
    public record Updates(int nudgePort, String healthPeriod, String nudgeBindAddress, List<String> nudgeSources,
            String serviceHealthPeriod) {
        public static final String DEFAULT_SERVICE_HEALTH_PERIOD = "5m";
        public static final Updates DEFAULTS = new Updates(2468, "30s");

        public Updates(int nudgePort, String healthPeriod) {
            this(nudgePort, healthPeriod, "", List.of());
        }

        public Updates(int nudgePort, String healthPeriod, String nudgeBindAddress, List<String> nudgeSources) {
            this(nudgePort, healthPeriod, nudgeBindAddress, nudgeSources, DEFAULT_SERVICE_HEALTH_PERIOD);
        }

        public Updates {
            if (nudgePort < 0 || nudgePort > 65535) {
                throw new IllegalArgumentException("nudge port must be 0 (none) or 1-65535, got " + nudgePort);
            }
            Objects.requireNonNull(healthPeriod, "healthPeriod");
            dev.primary.protocol.time.Durations.parse(healthPeriod);
            nudgeBindAddress = nudgeBindAddress == null ? "" : nudgeBindAddress.strip();
            if (!nudgeBindAddress.isEmpty() && IpAddresses.literal(nudgeBindAddress).isEmpty()) {
                throw new IllegalArgumentException("nudgeBindAddress must be an IP address of this computer (or empty "
                        + "for all), got \"" + nudgeBindAddress + "\"");
            }
            nudgeSources = nudgeSources == null ? List.of() : nudgeSources.stream().map(String::strip).toList();
            if (nudgeSources.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("nudgeSources cannot hold an empty name");
            }
            serviceHealthPeriod = serviceHealthPeriod == null ? DEFAULT_SERVICE_HEALTH_PERIOD : serviceHealthPeriod.strip();
            if (dev.primary.protocol.time.Durations.parse(serviceHealthPeriod).isZero()) {
                throw new IllegalArgumentException("serviceHealthPeriod cannot be 0: a new Client Service version needs "
                        + "time to reach the server");
            }
        }

        /** This section with the nudge listener bound to {@code address} (empty = all addresses). */
        public Updates withNudgeBindAddress(String address) {
            return new Updates(nudgePort, healthPeriod, address, nudgeSources, serviceHealthPeriod);
        }

        /** This section with another service health period. */
        public Updates withServiceHealthPeriod(String period) {
            return new Updates(nudgePort, healthPeriod, nudgeBindAddress, nudgeSources, period);
        }
    }
}
