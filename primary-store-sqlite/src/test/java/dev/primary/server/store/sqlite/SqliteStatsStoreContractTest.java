package dev.primary.server.store.sqlite;

import dev.primary.server.store.contract.StatsStoreContract;
import dev.primary.server.store.contract.StoreUnderTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The statistics part of the store contract on the embedded SQLite store, one fresh database file per test. */
class SqliteStatsStoreContractTest extends StatsStoreContract {
    @TempDir
    Path directory;

    @Override
    protected StoreUnderTest openStore() {
        return StoreUnderTest.of(SqliteStore.open(directory.resolve("primary.db")));
    }
}
