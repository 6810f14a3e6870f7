package dev.primary.server;

import dev.primary.protocol.crypto.SigningKey;
import dev.primary.server.audit.AuditEvent;
import dev.primary.server.identity.DataDirectory;
import dev.primary.server.licensing.LicensingSettings;
import dev.primary.server.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The default backend: the licensing and release core on the embedded SQLite store in
 * {@code <data-dir>/primary.db}, packages as files in {@code <data-dir>/packages/}.
 */
final class SqliteLicensing {
    private SqliteLicensing() {}

    /** An opener that writes {@code startEvents} (what this start did on an operator's flag) to the audit trail first. */
    static LicensingBackend.Opener opener(List<AuditEvent> startEvents) {
        List<AuditEvent> events = List.copyOf(startEvents);
        return (settings, serverKey, dataDirectory, clock) -> open(settings, serverKey, dataDirectory, clock, events);
    }

    static LicensingBackend open(LicensingSettings settings, SigningKey serverKey, Path dataDirectory, Clock clock) {
        return open(settings, serverKey, dataDirectory, clock, List.of());
    }

    private static LicensingBackend open(LicensingSettings settings, SigningKey serverKey, Path dataDirectory,
            Clock clock, List<AuditEvent> startEvents) {
        return on(SqliteStore.open(dataDirectory.resolve(DataDirectory.DATABASE_FILE_NAME)), settings, serverKey,
                dataDirectory, clock, startEvents);
    }

    /** The core on a store already open (closed here if the rest cannot be opened); tests reach the store this way. */
    static LicensingBackend on(SqliteStore store, LicensingSettings settings, SigningKey serverKey, Path dataDirectory,
            Clock clock) {
        return on(store, settings, serverKey, dataDirectory, clock, List.of());
    }

    private static LicensingBackend on(SqliteStore store, LicensingSettings settings, SigningKey serverKey,
            Path dataDirectory, Clock clock, List<AuditEvent> startEvents) {
        return BackendOnStore.assemble(store, store.description(), settings, serverKey, dataDirectory, clock,
                startEvents);
    }
}
