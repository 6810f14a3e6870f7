package dev.primary.server.store.postgres;

import dev.primary.server.store.contract.StatsStoreContract;
import dev.primary.server.store.contract.StoreUnderTest;
import org.junit.jupiter.api.BeforeEach;

/**
 * The statistics part of the store contract on a real PostgreSQL (embedded, started by the test), one database per
 * test; the second writer is a second store on the same database, as a second server opens it.
 */
class PostgresStatsStoreContractTest extends StatsStoreContract {
    private PostgresSettings database;

    @BeforeEach
    void createDatabase() {
        database = EmbeddedPostgresServer.freshDatabase();
    }

    @Override
    protected StoreUnderTest openStore() {
        return StoreUnderTest.of(PostgresStore.open(database));
    }

    @Override
    protected StoreUnderTest secondWriter(StoreUnderTest first) {
        return StoreUnderTest.of(PostgresStore.open(database));
    }
}
