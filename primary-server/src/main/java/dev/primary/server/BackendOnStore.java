package dev.primary.server;

import dev.primary.protocol.crypto.SigningKey;
import dev.primary.server.audit.AuditEvent;
import dev.primary.server.audit.AuditSourceStore;
import dev.primary.server.fleet.ChangeRecordingStore;
import dev.primary.server.fleet.FleetChangeFeed;
import dev.primary.server.fleet.FleetRelay;
import dev.primary.server.identity.CheckInKeySecret;
import dev.primary.server.identity.DataDirectory;
import dev.primary.server.licensing.CheckInIndex;
import dev.primary.server.licensing.CheckInIndexStore;
import dev.primary.server.licensing.ContactBatch;
import dev.primary.server.licensing.Licensing;
import dev.primary.server.licensing.LicensingSettings;
import dev.primary.server.licensing.LicensingStore;
import dev.primary.server.release.PackageStore;
import dev.primary.server.release.ReleaseSettings;
import dev.primary.server.release.ReleaseStore;
import dev.primary.server.release.Releases;
import dev.primary.server.store.files.FilePackageStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The licensing and release core on a store that is already open, whichever it is: the start's audit events
 * written first, packages as files in {@code <data-dir>/packages/}, check-ins that change nothing but their last
 * contact written in batches ({@link ContactBatch}, flushed when the backend closes, before the store), and, on a store
 * this server alone writes, such check-ins decided from a {@link CheckInIndex} that every unit of work passes. The
 * store is closed here when the rest cannot be opened, so a failed start leaves nothing open.
 */
final class BackendOnStore {
    private BackendOnStore() {}

    /**
     * @param store a store adapter serving both ports
     * @param description how the server names the store (never a password)
     */
    static <S extends LicensingStore & ReleaseStore & AutoCloseable> LicensingBackend assemble(S store,
            String description, LicensingSettings settings, SigningKey serverKey, Path dataDirectory, Clock clock,
            List<AuditEvent> startEvents) {
        return assemble(store, description, settings, serverKey, dataDirectory, clock, startEvents, local -> local,
                FleetRelay.ALONE, true);
    }

    /**
     * The same, with packages kept by {@code packagesOver} on top of the files in {@code <data-dir>/packages/} (a
     * store shared by several servers keeps them in the database as well), and the fleet's changes also relayed to and
     * from the other servers by {@code relay} (closed with the backend); {@code soleWriter}: no other server writes
     * this store, so check-ins may be decided from a {@link CheckInIndex}.
     */
    static <S extends LicensingStore & ReleaseStore & AutoCloseable> LicensingBackend assemble(S store,
            String description, LicensingSettings settings, SigningKey serverKey, Path dataDirectory, Clock clock,
            List<AuditEvent> startEvents, Function<FilePackageStore, PackageStore> packagesOver, FleetRelay relay,
            boolean soleWriter) {
        FleetChangeFeed feed = FleetChangeFeed.started(FleetChangeFeed.Limits.DEFAULT, ids -> namesOf(store, ids),
                relay);
        try {
            if (!startEvents.isEmpty()) {
                store.write(writes -> {
                    startEvents.forEach(writes::audit);
                    return null;
                });
            }
            // Audit events carry the address of the request that caused them; changes are told to the fleet feed,
            // and, on a store no other server writes, to the check-in index (which every unit of work passes).
            CheckInIndex index = soleWriter ? new CheckInIndex(CheckInIndex.Limits.DEFAULT) : null;
            ChangeRecordingStore<?> recorded = soleWriter
                    ? new ChangeRecordingStore<>(new CheckInIndexStore<>(new AuditSourceStore<>(store), index),
                            feed::committed)
                    : new ChangeRecordingStore<>(new AuditSourceStore<>(store), feed::committed);
            PackageStore packages = packagesOver.apply(
                    FilePackageStore.open(dataDirectory.resolve(DataDirectory.PACKAGES_DIRECTORY_NAME)));
            Releases releases = new Releases(new ReleaseSettings(settings.trustedReleaseKeys()), recorded, packages,
                    clock);
            ContactBatch contacts = ContactBatch.started(recorded, ContactBatch.Limits.DEFAULT);
            CheckInKeySecret checkInKeys = CheckInKeySecret.openOrCreate(dataDirectory.resolve("keys"));
            Licensing licensing = new Licensing(settings, recorded, serverKey, clock, releases, contacts, checkInKeys,
                    index);
            AutoCloseable beforeStore = () -> {
                try (feed) {
                    contacts.close();
                }
            };
            return new LicensingBackend(licensing, licensing, releases, packages, description, store, beforeStore,
                    feed);
        } catch (RuntimeException e) {
            feed.close();
            try {
                store.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static Map<Long, String> namesOf(LicensingStore store, Set<Long> ids) {
        return store.read(reads -> {
            Map<Long, String> names = new HashMap<>();
            for (long id : ids) {
                reads.computerById(id).ifPresent(computer -> names.put(id, computer.identity().display()));
            }
            return names;
        });
    }
}
