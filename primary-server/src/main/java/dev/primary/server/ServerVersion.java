package dev.primary.server;

import dev.primary.protocol.ProductVersion;

/** The server software's version for {@code hello}, admin status and {@code --version}: the build's one version. */
public final class ServerVersion {
    private ServerVersion() {}

    public static String current() {
        return ProductVersion.text();
    }
}
