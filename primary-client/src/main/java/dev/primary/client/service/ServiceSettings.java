package dev.primary.client.service;

import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.tls.TlsPin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the Client Service runs with: the install configuration with the command line's
 * overrides applied, parsed and validated once.
 *
 * @param server the Primary Server and its pinned keys
 * @param computer the seat holder to register as
 * @param recorderVersion the version of the configured Recorder
 * @param timing the contact intervals
 * @param updates how updates are verified and installed
 * @param enrollmentToken sent with every registration; {@link EnrollmentToken#NONE} when the client has none
 */
public record ServiceSettings(ServerEndpoint server, ComputerIdentity computer, Version recorderVersion,
        Timing timing, UpdateSettings updates, EnrollmentToken enrollmentToken) {
    public ServiceSettings(ServerEndpoint server, ComputerIdentity computer, Version recorderVersion, Timing timing) {
        this(server, computer, recorderVersion, timing, UpdateSettings.NONE);
    }

    public ServiceSettings(ServerEndpoint server, ComputerIdentity computer, Version recorderVersion, Timing timing,
            UpdateSettings updates) {
        this(server, computer, recorderVersion, timing, updates, EnrollmentToken.NONE);
    }

    public ServiceSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(computer, "computer");
        Objects.requireNonNull(recorderVersion, "recorderVersion");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(updates, "updates");
        Objects.requireNonNull(enrollmentToken, "enrollmentToken");
    }

    /** These settings with another enrollment token. */
    public ServiceSettings withEnrollmentToken(EnrollmentToken token) {
        return new ServiceSettings(server, computer, recorderVersion, timing, updates, token);
    }

    /**
     * @param releaseKeys the release-signing keys pinned at install: only what one of them signed is installed
     * @param nudgePort the configured nudge port (0 = no listener)
     * @param healthPeriod a newly installed Recorder must stay up this long, or it is rolled back
     * @param packageCommand how to run an installed Recorder package ({@code {package}}, {@code {home}} placeholders)
     * @param serviceHealthPeriod a new Client Service version must reach the server this soon, or it is rolled back
     */
    public record UpdateSettings(List<PublicKey> releaseKeys, int nudgePort, Duration healthPeriod,
            List<String> packageCommand, Duration serviceHealthPeriod) {
        public static final Duration DEFAULT_SERVICE_HEALTH_PERIOD = Duration.ofMinutes(5);

        /** No pinned key (so nothing is ever installed), no nudge listener. */
        public static final UpdateSettings NONE = new UpdateSettings(List.of(), 0, Duration.ofSeconds(30),
                List.of("{package}"));

        public UpdateSettings(List<PublicKey> releaseKeys, int nudgePort, Duration healthPeriod,
                List<String> packageCommand) {
            this(releaseKeys, nudgePort, healthPeriod, packageCommand, DEFAULT_SERVICE_HEALTH_PERIOD);
        }

        public UpdateSettings {
            Objects.requireNonNull(serviceHealthPeriod, "serviceHealthPeriod");
            releaseKeys = List.copyOf(releaseKeys);
            packageCommand = List.copyOf(packageCommand);
            Objects.requireNonNull(healthPeriod, "healthPeriod");
            if (nudgePort < 0 || nudgePort > 65535) {
                throw new IllegalArgumentException("nudge port must be 0 (none) or 1-65535, got " + nudgePort);
            }
            if (healthPeriod.isNegative()) {
                throw new IllegalArgumentException("healthPeriod cannot be negative, got " + healthPeriod);
            }
            if (packageCommand.isEmpty()) {
                throw new IllegalArgumentException("the package command cannot be empty");
            }
        }
    }

    /**
     * @param host server name or address (the first one tried)
     * @param port its client port
     * @param tlsPin the pinned TLS key
     * @param serverKey the pinned lease-signing key
     * @param serverId the server installation id seen at install
     * @param alternates further servers of the same fleet, tried in order when the first does not answer
     */
    public record ServerEndpoint(String host, int port, TlsPin tlsPin, PublicKey serverKey, String serverId,
            List<ServerAddress> alternates) {
        public ServerEndpoint(String host, int port, TlsPin tlsPin, PublicKey serverKey, String serverId) {
            this(host, port, tlsPin, serverKey, serverId, List.of());
        }

        public ServerEndpoint {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(tlsPin, "tlsPin");
            Objects.requireNonNull(serverKey, "serverKey");
            Objects.requireNonNull(serverId, "serverId");
            alternates = alternates == null ? List.of() : List.copyOf(alternates);
            if (host.isBlank()) {
                throw new IllegalArgumentException("server host cannot be empty");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("server port must be 1-65535, got " + port);
            }
            if (1 + alternates.size() > ServerAddress.MAX_SERVERS) {
                throw new IllegalArgumentException("at most " + ServerAddress.MAX_SERVERS + " servers, got "
                        + (1 + alternates.size()));
            }
        }

        /** {@code host:port} of the first server, as shown to people. */
        public String address() {
            return first().text();
        }

        /** The first server. */
        public ServerAddress first() {
            return new ServerAddress(host, port);
        }

        /** Every server in the order tried. */
        public List<ServerAddress> addresses() {
            List<ServerAddress> all = new ArrayList<>();
            all.add(first());
            all.addAll(alternates);
            return List.copyOf(all);
        }

        /** The same server (keys and id) at {@code address} alone. */
        public ServerEndpoint at(ServerAddress address) {
            return new ServerEndpoint(address.host(), address.port(), tlsPin, serverKey, serverId, List.of());
        }
    }

    /**
     * @param retry wait between contacts until licensed (and the first step of the back-off)
     * @param verify wait between re-verifications once licensed
     * @param maxBackoff the longest wait between retries after contact is lost
     * @param degradedAfter without a successful contact this long, a licensed client shows itself degraded
     */
    public record Timing(Duration retry, Duration verify, Duration maxBackoff, Duration degradedAfter) {
        public Timing {
            requirePositive(retry, "retry interval");
            requirePositive(verify, "verify interval");
            requirePositive(maxBackoff, "maxBackoff");
            requirePositive(degradedAfter, "degradedAfter");
            if (maxBackoff.compareTo(retry) < 0) {
                throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") cannot be shorter than the retry interval ("
                        + retry + ")");
            }
        }

        private static void requirePositive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
        }

        /** The verify interval in whole seconds (at least 1), as sent to the server. */
        public long verifySeconds() {
            return Math.max(1, (verify.toMillis() + 999) / 1000);
        }
    }
}
