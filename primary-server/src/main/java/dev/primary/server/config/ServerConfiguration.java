package dev.primary.server.config;

import dev.primary.protocol.admin.LogLevel;
import dev.primary.protocol.time.Durations;
import dev.primary.server.licensing.IdentityPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the Primary Server is told at start-up, validated once: a contradiction fails with
 * the exact rule it breaks. Read by {@link ConfigurationLoader} from flags, environment, the
 * properties file and defaults (in that order of precedence), or built directly with
 * {@link #builder(Path)} (tests, embedding).
 *
 * @param port client port (0 = any free port)
 * @param bind address the client port listens on
 * @param adminPort admin API port (0 = any free port)
 * @param adminBind address the admin port listens on
 * @param dataDirectory where identity, keys, admin token and database live (absolute)
 * @param leaseValidity how long a lease is valid after it is issued
 * @param waitingRetryAfter what a client waiting for a seat is told to wait
 * @param revokedRetryAfter what a revoked client is told to wait
 * @param reclaimAfter seats of computers silent this long are reclaimed; zero = never
 * @param reclaimCheckInterval how often silent computers are looked for
 * @param vendorKeyFiles extra trusted vendor public key files (besides {@code <data-dir>/trusted-vendors/*.pub})
 * @param releaseKeyFiles extra trusted release-signing public key files (besides
 *     {@code <data-dir>/trusted-release-keys/*.pub})
 * @param tls where the TLS certificate comes from
 * @param workerThreads threads that handle client requests
 * @param maxBodyBytes largest accepted request body
 * @param maxPackageBytes largest package an upload may send (streamed to disk)
 * @param identity who may enroll, whose claim to a computer counts, and the bounds on what clients claim
 * @param registrationLimit the per-source limit on registrations and enrollment-token checks
 * @param connectionLimits deadlines for requests and caps on open connections
 * @param store where licenses, computers and seats are kept (embedded SQLite by default)
 * @param logLevel how much the server logs; the {@code primary-server} program applies it at start, and
 *     {@code primary-admin log-level} changes the running server's level until it restarts
 */
public record ServerConfiguration(int port, String bind, int adminPort, String adminBind, Path dataDirectory,
        Duration leaseValidity, Duration waitingRetryAfter, Duration revokedRetryAfter, Duration reclaimAfter,
        Duration reclaimCheckInterval, List<Path> vendorKeyFiles, List<Path> releaseKeyFiles, TlsSource tls,
        int workerThreads, int maxBodyBytes, long maxPackageBytes, IdentityPolicy identity,
        RegistrationLimit registrationLimit, ConnectionLimits connectionLimits, LogLevel logLevel, StoreChoice store) {
    public static final long MIN_PACKAGE_BYTES = 1024;
    public static final int MIN_BODY_BYTES = 1024;
    public static final int MAX_BODY_LIMIT = 16 * 1024 * 1024;
    public static final int MAX_WORKER_THREADS = 1024;

    public ServerConfiguration {
        requirePort(Setting.PORT, port);
        requirePort(Setting.ADMIN_PORT, adminPort);
        if (port != 0 && port == adminPort) {
            throw new InvalidConfigurationException("admin-port cannot equal port (both are " + port + ")");
        }
        bind = requireAddress(Setting.BIND, bind);
        adminBind = requireAddress(Setting.ADMIN_BIND, adminBind);
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        Objects.requireNonNull(store, "store");
        requirePositive(Setting.LEASE_VALIDITY, leaseValidity);
        requirePositive(Setting.WAITING_RETRY_AFTER, waitingRetryAfter);
        requirePositive(Setting.REVOKED_RETRY_AFTER, revokedRetryAfter);
        requirePositive(Setting.RECLAIM_CHECK_INTERVAL, reclaimCheckInterval);
        Objects.requireNonNull(reclaimAfter, "reclaimAfter");
        if (reclaimAfter.isNegative()) {
            throw new InvalidConfigurationException("reclaim-after cannot be negative (0 means never)");
        }
        if (!reclaimAfter.isZero() && reclaimAfter.compareTo(leaseValidity) <= 0) {
            throw new InvalidConfigurationException("reclaim-after (" + Durations.format(reclaimAfter)
                    + ") must be longer than lease-validity (" + Durations.format(leaseValidity)
                    + "), or 0 to never reclaim: a seat cannot be taken from a computer whose lease is still valid");
        }
        vendorKeyFiles = vendorKeyFiles.stream().map(file -> file.toAbsolutePath().normalize()).toList();
        releaseKeyFiles = releaseKeyFiles.stream().map(file -> file.toAbsolutePath().normalize()).toList();
        Objects.requireNonNull(tls, "tls");
        if (workerThreads < 1 || workerThreads > MAX_WORKER_THREADS) {
            throw new InvalidConfigurationException(
                    "worker-threads must be 1-" + MAX_WORKER_THREADS + ", got " + workerThreads);
        }
        if (maxBodyBytes < MIN_BODY_BYTES || maxBodyBytes > MAX_BODY_LIMIT) {
            throw new InvalidConfigurationException("max-body must be 1KiB-16MiB, got " + ByteSize.format(maxBodyBytes));
        }
        if (maxPackageBytes < MIN_PACKAGE_BYTES) {
            throw new InvalidConfigurationException("max-package must be at least 1KiB, got " + ByteSize.format(maxPackageBytes));
        }
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(registrationLimit, "registrationLimit");
        Objects.requireNonNull(connectionLimits, "connectionLimits");
        Objects.requireNonNull(logLevel, "logLevel");
    }

    /** A configuration with every default, in {@code dataDirectory}. */
    public static Builder builder(Path dataDirectory) {
        return new Builder(dataDirectory);
    }

    /** Defaults, but both ports on any free loopback port: how tests start a server. */
    public static ServerConfiguration onFreeLoopbackPorts(Path dataDirectory) {
        return builder(dataDirectory).bind("127.0.0.1").port(0).adminPort(0).build();
    }

    /** A builder holding this configuration's values, to change a few. */
    public Builder toBuilder() {
        Builder builder = new Builder(dataDirectory);
        builder.port = port;
        builder.bind = bind;
        builder.adminPort = adminPort;
        builder.adminBind = adminBind;
        builder.leaseValidity = leaseValidity;
        builder.waitingRetryAfter = waitingRetryAfter;
        builder.revokedRetryAfter = revokedRetryAfter;
        builder.reclaimAfter = reclaimAfter;
        builder.reclaimCheckInterval = reclaimCheckInterval;
        builder.vendorKeyFiles = new ArrayList<>(vendorKeyFiles);
        builder.releaseKeyFiles = new ArrayList<>(releaseKeyFiles);
        builder.tls = tls;
        builder.workerThreads = workerThreads;
        builder.maxBodyBytes = maxBodyBytes;
        builder.maxPackageBytes = maxPackageBytes;
        builder.identity = identity;
        builder.registrationLimit = registrationLimit;
        builder.connectionLimits = connectionLimits;
        builder.logLevel = logLevel;
        builder.store = store;
        return builder;
    }

    /** Where {@code <data-dir>/trusted-vendors/} is: every {@code *.pub} in it is a trusted vendor key. */
    public Path trustedVendorsDirectory() {
        return dataDirectory.resolve("trusted-vendors");
    }

    /** Where {@code <data-dir>/trusted-release-keys/} is: every {@code *.pub} in it is a trusted release key. */
    public Path trustedReleaseKeysDirectory() {
        return dataDirectory.resolve("trusted-release-keys");
    }

    private static void requirePort(Setting setting, int value) {
        if (value < 0 || value > 65535) {
            throw new InvalidConfigurationException(setting.key() + " must be 0-65535, got " + value);
        }
    }

    private static String requireAddress(Setting setting, String value) {
        if (value == null || value.isBlank() || value.strip().chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidConfigurationException(
                    setting.key() + " must be an IP address or host name, got \"" + value + "\"");
        }
        return value.strip();
    }

    private static void requirePositive(Setting setting, Duration value) {
        Objects.requireNonNull(value, setting.key());
        if (value.isZero() || value.isNegative()) {
            throw new InvalidConfigurationException(
                    setting.key() + " must be positive, got " + Durations.format(value));
        }
    }

    /** Builds a {@link ServerConfiguration}, starting from the defaults. */
    public static final class Builder {
        private int port = Integer.parseInt(Setting.Defaults.PORT);
        private String bind = Setting.Defaults.BIND;
        private int adminPort = Integer.parseInt(Setting.Defaults.ADMIN_PORT);
        private String adminBind = Setting.Defaults.ADMIN_BIND;
        private Path dataDirectory;
        private Duration leaseValidity = Durations.parse(Setting.Defaults.LEASE_VALIDITY);
        private Duration waitingRetryAfter = Durations.parse(Setting.Defaults.WAITING_RETRY_AFTER);
        private Duration revokedRetryAfter = Durations.parse(Setting.Defaults.REVOKED_RETRY_AFTER);
        private Duration reclaimAfter = Durations.parse(Setting.Defaults.RECLAIM_AFTER);
        private Duration reclaimCheckInterval = Durations.parse(Setting.Defaults.RECLAIM_CHECK_INTERVAL);
        private List<Path> vendorKeyFiles = new ArrayList<>();
        private List<Path> releaseKeyFiles = new ArrayList<>();
        private TlsSource tls = new TlsSource.SelfMade();
        private int workerThreads = Integer.parseInt(Setting.Defaults.WORKER_THREADS);
        private int maxBodyBytes = (int) ByteSize.parse(Setting.Defaults.MAX_BODY);
        private long maxPackageBytes = ByteSize.parse(Setting.Defaults.MAX_PACKAGE);
        private IdentityPolicy identity = IdentityPolicy.DEFAULTS;
        private RegistrationLimit registrationLimit = RegistrationLimit.DEFAULT;
        private ConnectionLimits connectionLimits = ConnectionLimits.DEFAULT;
        private LogLevel logLevel = LogLevel.fromWire(Setting.Defaults.LOG_LEVEL);
        private StoreChoice store = new StoreChoice.Embedded();

        private Builder(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder bind(String value) {
            bind = value;
            return this;
        }

        public Builder adminPort(int value) {
            adminPort = value;
            return this;
        }

        public Builder adminBind(String value) {
            adminBind = value;
            return this;
        }

        public Builder dataDirectory(Path value) {
            dataDirectory = value;
            return this;
        }

        public Builder leaseValidity(Duration value) {
            leaseValidity = value;
            return this;
        }

        public Builder waitingRetryAfter(Duration value) {
            waitingRetryAfter = value;
            return this;
        }

        public Builder revokedRetryAfter(Duration value) {
            revokedRetryAfter = value;
            return this;
        }

        public Builder reclaimAfter(Duration value) {
            reclaimAfter = value;
            return this;
        }

        public Builder reclaimCheckInterval(Duration value) {
            reclaimCheckInterval = value;
            return this;
        }

        public Builder vendorKeyFiles(List<Path> value) {
            vendorKeyFiles = new ArrayList<>(value);
            return this;
        }

        public Builder releaseKeyFiles(List<Path> value) {
            releaseKeyFiles = new ArrayList<>(value);
            return this;
        }

        public Builder maxPackageBytes(long value) {
            maxPackageBytes = value;
            return this;
        }

        public Builder tls(TlsSource value) {
            tls = value;
            return this;
        }

        public Builder workerThreads(int value) {
            workerThreads = value;
            return this;
        }

        public Builder maxBodyBytes(int value) {
            maxBodyBytes = value;
            return this;
        }

        public Builder identity(IdentityPolicy value) {
            identity = value;
            return this;
        }

        /** Lets clients the server does not know register without an enrollment token (labs, tests). */
        public Builder openEnrollment(boolean value) {
            identity = identity.withOpenEnrollment(value);
            return this;
        }

        public Builder registrationLimit(RegistrationLimit value) {
            registrationLimit = value;
            return this;
        }

        public Builder connectionLimits(ConnectionLimits value) {
            connectionLimits = value;
            return this;
        }

        public Builder logLevel(LogLevel value) {
            logLevel = value;
            return this;
        }

        public ServerConfiguration build() {
            return new ServerConfiguration(port, bind, adminPort, adminBind, dataDirectory, leaseValidity,
                    waitingRetryAfter, revokedRetryAfter, reclaimAfter, reclaimCheckInterval, vendorKeyFiles,
                    releaseKeyFiles, tls, workerThreads, maxBodyBytes, maxPackageBytes, identity, registrationLimit,
                    connectionLimits, logLevel, store);
        }

        public Builder store(StoreChoice value) {
            store = value;
            return this;
        }
    }
}
