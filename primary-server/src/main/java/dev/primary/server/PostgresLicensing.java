package dev.primary.server;

import dev.primary.server.audit.AuditEvent;
import dev.primary.server.config.StoreChoice;
import dev.primary.server.store.postgres.PostgresSettings;
import dev.primary.server.store.postgres.PostgresStore;
import java.util.List;

/**
 * The backend on PostgreSQL (setting {@code store=postgresql}): the licensing and release core on the database
 * {@code store-url} names; packages in the database, so that every server sharing it can serve them, with a verified
 * copy of each in {@code <data-dir>/packages/} ({@link FleetPackageStore}); the fleet's changes relayed between the
 * servers with LISTEN/NOTIFY ({@link dev.primary.server.store.postgres.PostgresFleetRelay}).
 */
final class PostgresLicensing {
    private PostgresLicensing() {}

    /** An opener on the database {@code choice} names, that writes {@code startEvents} to the audit trail first. */
    static LicensingBackend.Opener opener(StoreChoice.Postgresql choice, List<AuditEvent> startEvents) {
        List<AuditEvent> events = List.copyOf(startEvents);
        PostgresSettings settings = PostgresSettings.of(choice.jdbcUrl(), choice.user(), choice.password().reveal());
        return (licensingSettings, serverKey, dataDirectory, clock) -> {
            PostgresStore store = PostgresStore.open(settings);
            return BackendOnStore.assemble(store, store.description(), licensingSettings, serverKey, dataDirectory,
                    clock, events, local -> {
                        FleetPackageStore packages = new FleetPackageStore(local, store.packageBlobs(), clock);
                        packages.storeLocalOnlyPackages();
                        return packages;
                    }, store.fleetRelay(), false);
        };
    }
}
