package dev.primary.server;

import dev.primary.server.audit.AuditEvent;
import dev.primary.server.config.StoreChoice;
import dev.primary.server.identity.DataDirectory;
import dev.primary.server.licensing.Licensing;
import dev.primary.server.release.ReleaseSettings;
import dev.primary.server.release.Releases;
import dev.primary.server.store.files.FilePackageStore;
import dev.primary.server.store.postgres.PostgresSettings;
import dev.primary.server.store.postgres.PostgresStore;
import java.util.List;

/**
 * The backend on PostgreSQL (setting {@code store=postgresql}): the licensing and release core on the database
 * {@code store-url} names; packages stay files in {@code <data-dir>/packages/}.
 */
final class PostgresLicensing {
    private PostgresLicensing() {}

    /** An opener on the database {@code choice} names, that writes {@code startEvents} to the audit trail first. */
    static LicensingBackend.Opener opener(StoreChoice.Postgresql choice, List<AuditEvent> startEvents) {
        List<AuditEvent> events = List.copyOf(startEvents);
        PostgresSettings settings = PostgresSettings.of(choice.jdbcUrl(), choice.user(), choice.password().reveal());
        return (licensingSettings, serverKey, dataDirectory, clock) -> {
            PostgresStore store = PostgresStore.open(settings);
            try {
                if (!events.isEmpty()) {
                    store.write(writes -> {
                        events.forEach(writes::audit);
                        return null;
                    });
                }
                FilePackageStore packages = FilePackageStore.open(
                        dataDirectory.resolve(DataDirectory.PACKAGES_DIRECTORY_NAME));
                Releases releases = new Releases(new ReleaseSettings(licensingSettings.trustedReleaseKeys()), store,
                        packages, clock);
                Licensing licensing = new Licensing(licensingSettings, store, serverKey, clock, releases);
                return new LicensingBackend(licensing, licensing, releases, packages, store.description(), store);
            } catch (RuntimeException e) {
                try {
                    store.close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        };
    }
}
