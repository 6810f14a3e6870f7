package dev.primary.protocol.message;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The unauthenticated answer of {@code GET /v1/hello}: who this server is. The Deployment Utility
 * checks {@link #product()} to tell a Primary Server from anything else listening on a port, and
 * pins {@link #serverKey()} (lease signatures) and the TLS key it saw in the handshake.
 *
 * @param product always {@link #PRODUCT}
 * @param protocolVersion the client protocol version, {@link #PROTOCOL_VERSION}
 * @param serverId this server installation's id
 * @param serverVersion the server software's version
 * @param time the server's clock, for skew checks
 * @param serverKey the server's Ed25519 lease-signing public key (base64url)
 * @param tlsPin the server's TLS public key pin ({@code sha256/<base64url of SPKI digest>})
 * @param releaseKeys the release-signing public keys (base64url) this server accepts releases from; clients pin them
 */
public record Hello(String product, int protocolVersion, String serverId, String serverVersion, Instant time,
        String serverKey, String tlsPin, List<String> releaseKeys) {
    public Hello(String product, int protocolVersion, String serverId, String serverVersion, Instant time,
            String serverKey, String tlsPin) {
        this(product, protocolVersion, serverId, serverVersion, time, serverKey, tlsPin, List.of());
    }

    public static final String PRODUCT = "primary-server";
    public static final int PROTOCOL_VERSION = 1;

    public Hello {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(serverVersion, "serverVersion");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(serverKey, "serverKey");
        Objects.requireNonNull(tlsPin, "tlsPin");
        releaseKeys = releaseKeys == null ? List.of() : List.copyOf(releaseKeys);
    }
}
