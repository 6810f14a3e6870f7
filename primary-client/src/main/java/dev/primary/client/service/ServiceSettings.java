package dev.primary.client.service;

import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.tls.TlsPin;
import java.time.Duration;
import java.util.Objects;

/**
 * What the Client Service runs with: the install configuration with the command line's
 * overrides applied, parsed and validated once.
 *
 * @param server the Primary Server and its pinned keys
 * @param computer the seat holder to register as
 * @param recorderVersion the version of the configured Recorder
 * @param timing the contact intervals
 */
public record ServiceSettings(ServerEndpoint server, ComputerIdentity computer, Version recorderVersion,
        Timing timing) {
    public ServiceSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(computer, "computer");
        Objects.requireNonNull(recorderVersion, "recorderVersion");
        Objects.requireNonNull(timing, "timing");
    }

    /**
     * @param host server name or address
     * @param port its client port
     * @param tlsPin the pinned TLS key
     * @param serverKey the pinned lease-signing key
     * @param serverId the server installation id seen at install
     */
    public record ServerEndpoint(String host, int port, TlsPin tlsPin, PublicKey serverKey, String serverId) {
        public ServerEndpoint {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(tlsPin, "tlsPin");
            Objects.requireNonNull(serverKey, "serverKey");
            Objects.requireNonNull(serverId, "serverId");
            if (host.isBlank()) {
                throw new IllegalArgumentException("server host cannot be empty");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("server port must be 1-65535, got " + port);
            }
        }

        /** {@code host:port}, as shown to people. */
        public String address() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
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
