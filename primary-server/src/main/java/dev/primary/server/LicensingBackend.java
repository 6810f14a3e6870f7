package dev.primary.server;

import dev.primary.protocol.crypto.SigningKey;
import dev.primary.server.licensing.Administration;
import dev.primary.server.licensing.ClientProtocol;
import dev.primary.server.licensing.LicensingSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * The licensing core as a running server holds it: its two faces and the store behind them.
 *
 * @param clientProtocol what the client port serves
 * @param administration what the admin port serves
 * @param storeDescription for the admin API and the log, e.g. {@code sqlite:/var/lib/primary/primary.db}
 * @param store closed last when the server stops
 */
public record LicensingBackend(ClientProtocol clientProtocol, Administration administration, String storeDescription,
        AutoCloseable store) {
    public LicensingBackend {
        Objects.requireNonNull(clientProtocol, "clientProtocol");
        Objects.requireNonNull(administration, "administration");
        Objects.requireNonNull(storeDescription, "storeDescription");
        Objects.requireNonNull(store, "store");
    }

    /** Opens the licensing core and its store for a server starting in {@code dataDirectory}. */
    @FunctionalInterface
    public interface Opener {
        LicensingBackend open(LicensingSettings settings, SigningKey serverKey, Path dataDirectory, Clock clock);
    }
}
