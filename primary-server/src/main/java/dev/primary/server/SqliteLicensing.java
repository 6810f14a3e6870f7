package dev.primary.server;

import dev.primary.protocol.crypto.SigningKey;
import dev.primary.server.identity.DataDirectory;
import dev.primary.server.licensing.Licensing;
import dev.primary.server.licensing.LicensingSettings;
import dev.primary.server.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;

/** The default licensing backend: the licensing core on the embedded SQLite store in {@code <data-dir>/primary.db}. */
final class SqliteLicensing {
    private SqliteLicensing() {}

    static LicensingBackend open(LicensingSettings settings, SigningKey serverKey, Path dataDirectory, Clock clock) {
        SqliteStore store = SqliteStore.open(dataDirectory.resolve(DataDirectory.DATABASE_FILE_NAME));
        try {
            Licensing licensing = new Licensing(settings, store, serverKey, clock);
            return new LicensingBackend(licensing, licensing, store.description(), store);
        } catch (RuntimeException e) {
            try {
                store.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
