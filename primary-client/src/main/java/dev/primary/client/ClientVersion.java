package dev.primary.client;

import dev.primary.protocol.ProductVersion;
import dev.primary.protocol.message.Version;

/**
 * The version of this Client Service build: the build's one version ({@link ProductVersion}); on the
 * wire {@code 0.1.0-SNAPSHOT} is {@code 0.1.0}.
 */
public final class ClientVersion {
    private ClientVersion() {}

    /** The full build version text, such as {@code 0.1.0-SNAPSHOT}. */
    public static String text() {
        return ProductVersion.text();
    }

    /** The wire form sent in {@code register} and {@code verify}. */
    public static Version current() {
        return ProductVersion.wire();
    }
}
