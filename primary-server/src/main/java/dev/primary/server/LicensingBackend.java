package dev.primary.server;

import dev.primary.protocol.crypto.SigningKey;
import dev.primary.server.fleet.FleetChanges;
import dev.primary.server.licensing.Administration;
import dev.primary.server.licensing.ClientProtocol;
import dev.primary.server.licensing.LicensingSettings;
import dev.primary.server.release.PackageStore;
import dev.primary.server.release.ReleaseAdministration;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * The licensing and release core as a running server holds it: its faces and the stores behind them.
 *
 * @param clientProtocol what the client port serves
 * @param administration what the admin port serves for licenses and computers
 * @param releases what the admin port serves for releases, content and rollouts
 * @param packages where release and content packages are stored (uploads, downloads)
 * @param storeDescription for the admin API and the log, e.g. {@code sqlite:/var/lib/primary/primary.db}
 * @param store closed last when the server stops
 * @param beforeStore closed just before the store: writes what the core still holds for it (batched last contacts)
 * @param changes what changed in the fleet, for watchers (the admin API's event stream)
 */
public record LicensingBackend(ClientProtocol clientProtocol, Administration administration,
        ReleaseAdministration releases, PackageStore packages, String storeDescription, AutoCloseable store,
        AutoCloseable beforeStore, FleetChanges changes) {
    public LicensingBackend(ClientProtocol clientProtocol, Administration administration,
            ReleaseAdministration releases, PackageStore packages, String storeDescription, AutoCloseable store) {
        this(clientProtocol, administration, releases, packages, storeDescription, store, () -> { });
    }

    public LicensingBackend(ClientProtocol clientProtocol, Administration administration,
            ReleaseAdministration releases, PackageStore packages, String storeDescription, AutoCloseable store,
            AutoCloseable beforeStore) {
        this(clientProtocol, administration, releases, packages, storeDescription, store, beforeStore,
                FleetChanges.NONE);
    }

    public LicensingBackend {
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(beforeStore, "beforeStore");
        Objects.requireNonNull(clientProtocol, "clientProtocol");
        Objects.requireNonNull(administration, "administration");
        Objects.requireNonNull(releases, "releases");
        Objects.requireNonNull(packages, "packages");
        Objects.requireNonNull(storeDescription, "storeDescription");
        Objects.requireNonNull(store, "store");
    }

    /**
     * Opens the core and its stores for a server starting in {@code dataDirectory}; the settings carry the
     * trusted vendor and release keys.
     */
    @FunctionalInterface
    public interface Opener {
        LicensingBackend open(LicensingSettings settings, SigningKey serverKey, Path dataDirectory, Clock clock);
    }
}
