package dev.primary.server;

import dev.primary.server.config.ConnectionLimits;
import dev.primary.server.config.Setting;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many connections the client port may hold, given the process's descriptor limit. Every connection is a
 * descriptor, and one that downloads a package holds a second (the file), so the port may take at most half of
 * what is left after a reserve for everything else (jars, the database and its journal, logs, event loops, the
 * admin port's connections). {@code auto} is that, up to {@link #AUTO_CEILING}; an explicit value above it is
 * kept, with a warning.
 */
final class ClientConnectionCap {
    /**
     * The most {@code auto} chooses: about eight seconds of full TLS handshakes at this machine's ~1,250 a second
     * (shared/LIMITS.md). A connection that waits longer than that for its handshake has mostly been given up by
     * its client (10 s connect timeout); more would only hold memory.
     */
    static final int AUTO_CEILING = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnectionCap.class);
    private static final int MAX_RESERVE = 1024;

    private ClientConnectionCap() {}

    /** The cap to apply, from the configuration and this process's descriptor limit (logged). */
    static int resolve(ConnectionLimits limits) {
        OptionalLong descriptors = descriptorLimit();
        int room = descriptors.isPresent() ? room(descriptors.getAsLong(), limits.adminMaxConnections())
                : AUTO_CEILING;
        if (limits.maxConnections() == ConnectionLimits.AUTO) {
            int cap = Math.min(AUTO_CEILING, room);
            LOG.info("client port - at most {} connections open ({} auto{}), {} per source address", cap,
                    Setting.MAX_CONNECTIONS.key(), descriptors.isPresent() ? ", descriptor limit "
                            + descriptors.getAsLong() : "", limits.maxConnectionsPerSource());
            return cap;
        }
        if (limits.maxConnections() > room && descriptors.isPresent()) {
            LOG.warn("{} {} - the process may open only {} descriptors, room for about {} client connections: "
                    + "raise the limit (ulimit -n, LimitNOFILE=) or lower {}", Setting.MAX_CONNECTIONS.key(),
                    limits.maxConnections(), descriptors.getAsLong(), room, Setting.MAX_CONNECTIONS.key());
        }
        return limits.maxConnections();
    }

    /** Client connections that fit in {@code descriptorLimit} beside the reserve and the admin port's. */
    static int room(long descriptorLimit, int adminConnections) {
        long reserve = Math.min(MAX_RESERVE, descriptorLimit / 4);
        long free = descriptorLimit - reserve - adminConnections;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, free / 2));
    }

    /** The process's limit on open descriptors, where the platform tells it. */
    static OptionalLong descriptorLimit() {
        OperatingSystemMXBean system = ManagementFactory.getOperatingSystemMXBean();
        if (system instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            long limit = unix.getMaxFileDescriptorCount();
            return limit > 0 ? OptionalLong.of(limit) : OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
