package dev.primary.server.console;

import dev.primary.protocol.admin.ServerStatus;
import dev.primary.protocol.admin.TrafficCounters;
import java.util.List;

/**
 * The server page: what {@code GET /admin/v1/server}, {@code GET /admin/v1/counters} and {@code GET /health/ready}
 * answer, and nothing secret (the server key shown is its public half).
 *
 * @param status the server itself
 * @param serverKeyId the id of its lease-signing public key, as the start-up log and clients name it
 * @param counters what the client port answered since the start
 * @param ready whether the server takes traffic
 * @param checks what readiness is made of, each passed or not
 */
public record ServerModel(ConsoleFrame frame, ServerStatus status, String serverKeyId, TrafficCounters counters,
        boolean ready, List<Check> checks) {
    public ServerModel {
        checks = List.copyOf(checks);
    }

    /** {@code 1,234}. */
    public static String count(long value) {
        return String.format("%,d", value);
    }

    /**
     * One part of readiness.
     *
     * @param name what is checked, in words
     * @param passed whether it holds
     */
    public record Check(String name, boolean passed) {
    }
}
