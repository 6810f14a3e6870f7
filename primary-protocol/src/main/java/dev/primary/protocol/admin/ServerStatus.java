package dev.primary.protocol.admin;

import java.time.Instant;
import java.util.List;

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
 * @param trustedVendorKeys the key ids of the vendor keys whose license and unlock files it imports, as read now
 * @param trustedReleaseKeys the key ids of the release keys whose releases it accepts, as read now
 * @param trustedKeysProblem why the trusted keys could not be read now (a broken key file, named); empty when they
 *     were, and both lists are then complete
 */
public record ServerStatus(String serverId, String serverVersion, Instant startedAt, String clientEndpoint,
        String serverKey, String tlsPin, String dataDirectory, String store, List<String> trustedVendorKeys,
        List<String> trustedReleaseKeys, String trustedKeysProblem) {
    public ServerStatus {
        trustedKeysProblem = trustedKeysProblem == null ? "" : trustedKeysProblem;
        trustedVendorKeys = trustedVendorKeys == null ? List.of() : List.copyOf(trustedVendorKeys);
        trustedReleaseKeys = trustedReleaseKeys == null ? List.of() : List.copyOf(trustedReleaseKeys);
    }

    /** Without the trusted keys (an answer from a server that does not name them). */
    public ServerStatus(String serverId, String serverVersion, Instant startedAt, String clientEndpoint,
            String serverKey, String tlsPin, String dataDirectory, String store) {
        this(serverId, serverVersion, startedAt, clientEndpoint, serverKey, tlsPin, dataDirectory, store, List.of(),
                List.of(), "");
    }

    /** The same server, trusting the keys of these ids now. */
    public ServerStatus trusting(List<String> vendorKeys, List<String> releaseKeys) {
        return new ServerStatus(serverId, serverVersion, startedAt, clientEndpoint, serverKey, tlsPin, dataDirectory,
                store, vendorKeys, releaseKeys, "");
    }

    /** The same server, whose trusted keys cannot be read now, and why. */
    public ServerStatus trustedKeysUnreadable(String problem) {
        return new ServerStatus(serverId, serverVersion, startedAt, clientEndpoint, serverKey, tlsPin, dataDirectory,
                store, List.of(), List.of(), problem);
    }
}
