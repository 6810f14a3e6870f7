package dev.primary.server.release;

import dev.primary.protocol.crypto.PublicKey;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the release core needs to know, validated once at start-up.
 *
 * @param trustedReleaseKeys the release-signing keys whose release and content manifests this server
 *     accepts, asked at every addition, so a key added while the server runs is trusted without a restart
 */
public record ReleaseSettings(Supplier<List<PublicKey>> trustedReleaseKeys) {
    public ReleaseSettings {
        Objects.requireNonNull(trustedReleaseKeys, "trustedReleaseKeys");
    }
}
