package dev.primary.server.config;

import dev.primary.protocol.time.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * What keeps slow or numerous connections from taking the server down: deadlines for a request's head and body
 * (both ports), caps on open connections of the client port (in total and per source address), and the admin
 * port's own cap.
 *
 * @param headerTimeout a request's whole head must arrive within this
 * @param bodyTimeout a body's allowance before any of it arrived
 * @param bodyMinRate bytes a second of body that each earn the body one more second
 * @param maxConnections open connections of the client port at most; {@link #AUTO} = sized from the process's
 *     descriptor limit at start
 * @param maxConnectionsPerSource open connections of the client port from one address (IPv6: one /64) at most
 * @param adminMaxConnections open connections of the admin port at most
 */
public record ConnectionLimits(Duration headerTimeout, Duration bodyTimeout, long bodyMinRate, int maxConnections,
        int maxConnectionsPerSource, int adminMaxConnections) {
    /** {@code max-connections=auto}. */
    public static final int AUTO = 0;
    public static final long MAX_BODY_MIN_RATE = 1024L * 1024 * 1024;
    public static final ConnectionLimits DEFAULT = new ConnectionLimits(
            Durations.parse(Setting.Defaults.HEADER_TIMEOUT), Durations.parse(Setting.Defaults.BODY_TIMEOUT),
            ByteSize.parse(Setting.Defaults.BODY_MIN_RATE), AUTO,
            Integer.parseInt(Setting.Defaults.MAX_CONNECTIONS_PER_SOURCE),
            Integer.parseInt(Setting.Defaults.ADMIN_MAX_CONNECTIONS));

    public ConnectionLimits {
        requirePositive(Setting.HEADER_TIMEOUT, headerTimeout);
        requirePositive(Setting.BODY_TIMEOUT, bodyTimeout);
        if (bodyMinRate < 1 || bodyMinRate > MAX_BODY_MIN_RATE) {
            throw new InvalidConfigurationException(Setting.BODY_MIN_RATE.key() + " must be 1-1GiB (bytes a second), got "
                    + (bodyMinRate < 1 ? Long.toString(bodyMinRate) : ByteSize.format(bodyMinRate)));
        }
        if (maxConnections < 0) {
            throw new InvalidConfigurationException(Setting.MAX_CONNECTIONS.key() + " must be at least 1, or auto, got "
                    + maxConnections);
        }
        if (maxConnectionsPerSource < 1) {
            throw new InvalidConfigurationException(Setting.MAX_CONNECTIONS_PER_SOURCE.key()
                    + " must be at least 1, got " + maxConnectionsPerSource);
        }
        if (adminMaxConnections < 1) {
            throw new InvalidConfigurationException(Setting.ADMIN_MAX_CONNECTIONS.key() + " must be at least 1, got "
                    + adminMaxConnections);
        }
    }

    /** These limits with the client port's caps set: {@code maxConnections} in total, {@code perSource} per address. */
    public ConnectionLimits withClientCaps(int maxConnections, int perSource) {
        return new ConnectionLimits(headerTimeout, bodyTimeout, bodyMinRate, maxConnections, perSource,
                adminMaxConnections);
    }

    /** These limits with other deadlines. */
    public ConnectionLimits withDeadlines(Duration header, Duration body, long minRate) {
        return new ConnectionLimits(header, body, minRate, maxConnections, maxConnectionsPerSource, adminMaxConnections);
    }

    private static void requirePositive(Setting setting, Duration value) {
        Objects.requireNonNull(value, setting.key());
        if (value.isZero() || value.isNegative()) {
            throw new InvalidConfigurationException(setting.key() + " must be positive, got " + Durations.format(value));
        }
    }
}
