package dev.primary.server.licensing;

import dev.primary.protocol.crypto.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the licensing core needs to know about its server, validated once at start-up.
 *
 * @param serverId this installation's id (also what registration codes are bound to)
 * @param serverVersion the server software's version, for {@code hello}
 * @param tlsPin the pin of the client port's TLS key, for {@code hello}
 * @param leaseValidity how long a lease is valid after it is issued (default 7 days)
 * @param waitingRetryAfter what a client waiting for a seat is told to wait before asking again (default 60 s)
 * @param revokedRetryAfter what a revoked client is told to wait before asking again (default 1 h)
 * @param reclaimAfter seats of computers silent longer than this are reclaimed; {@link Duration#ZERO} = never (default 30 days)
 * @param trustedVendorKeys the keys whose license and unlock files this server accepts, asked at every import,
 *     so a vendor key added while the server runs is trusted without a restart
 * @param trustedReleaseKeys the release-signing keys this server accepts releases from, asked at every
 *     {@code hello} (which lists them for clients to pin)
 * @param identity who may enroll, whose claim to a computer counts, and the bounds on what clients claim
 */
public record LicensingSettings(String serverId, String serverVersion, String tlsPin, Duration leaseValidity,
        Duration waitingRetryAfter, Duration revokedRetryAfter, Duration reclaimAfter,
        Supplier<List<PublicKey>> trustedVendorKeys, Supplier<List<PublicKey>> trustedReleaseKeys,
        IdentityPolicy identity) {

    /** Settings with the default {@link IdentityPolicy}. */
    public LicensingSettings(String serverId, String serverVersion, String tlsPin, Duration leaseValidity,
            Duration waitingRetryAfter, Duration revokedRetryAfter, Duration reclaimAfter,
            Supplier<List<PublicKey>> trustedVendorKeys, Supplier<List<PublicKey>> trustedReleaseKeys) {
        this(serverId, serverVersion, tlsPin, leaseValidity, waitingRetryAfter, revokedRetryAfter, reclaimAfter,
                trustedVendorKeys, trustedReleaseKeys, IdentityPolicy.DEFAULTS);
    }

    /** Settings without release keys: {@code hello} lists none. */
    public LicensingSettings(String serverId, String serverVersion, String tlsPin, Duration leaseValidity,
            Duration waitingRetryAfter, Duration revokedRetryAfter, Duration reclaimAfter,
            Supplier<List<PublicKey>> trustedVendorKeys) {
        this(serverId, serverVersion, tlsPin, leaseValidity, waitingRetryAfter, revokedRetryAfter, reclaimAfter,
                trustedVendorKeys, List::of);
    }

    public LicensingSettings {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(serverVersion, "serverVersion");
        Objects.requireNonNull(tlsPin, "tlsPin");
        requirePositive("leaseValidity", leaseValidity);
        requirePositive("waitingRetryAfter", waitingRetryAfter);
        requirePositive("revokedRetryAfter", revokedRetryAfter);
        Objects.requireNonNull(reclaimAfter, "reclaimAfter");
        if (reclaimAfter.isNegative()) {
            throw new IllegalArgumentException("reclaimAfter cannot be negative (0 means never)");
        }
        Objects.requireNonNull(trustedVendorKeys, "trustedVendorKeys");
        Objects.requireNonNull(trustedReleaseKeys, "trustedReleaseKeys");
        Objects.requireNonNull(identity, "identity");
    }

    /** These settings with another identity policy. */
    public LicensingSettings withIdentity(IdentityPolicy newIdentity) {
        return new LicensingSettings(serverId, serverVersion, tlsPin, leaseValidity, waitingRetryAfter,
                revokedRetryAfter, reclaimAfter, trustedVendorKeys, trustedReleaseKeys, newIdentity);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
