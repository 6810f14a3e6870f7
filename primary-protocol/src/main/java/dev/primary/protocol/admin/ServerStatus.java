package dev.primary.protocol.admin;

import java.time.Instant;

/**
 * The server itself, for {@code GET /admin/v1/server}.
 *
 * @param serverId installation id
 * @param serverVersion software version
 * @param startedAt when this process started
 * @param clientEndpoint host:port clients use
 * @param serverKey the lease-signing public key
 * @param tlsPin the TLS key pin the Deployment Utility writes into clients
 * @param dataDirectory where the server keeps its state
 * @param store the store in use, e.g. {@code sqlite:/var/lib/primary/primary.db}
 */
public record ServerStatus(String serverId, String serverVersion, Instant startedAt, String clientEndpoint,
        String serverKey, String tlsPin, String dataDirectory, String store) {
}
