package dev.primary.server.store.postgres;

import dev.primary.server.store.contract.StoreContract;
import dev.primary.server.store.contract.StoreUnderTest;
import org.junit.jupiter.api.BeforeEach;

/** The store contract on a real PostgreSQL (embedded, started by the test), one fresh database per test. */
class PostgresStoreContractTest extends StoreContract {
    private PostgresSettings database;

    @BeforeEach
    void createDatabase() {
        database = EmbeddedPostgresServer.freshDatabase();
    }

    @Override
    protected StoreUnderTest openStore() {
        return StoreUnderTest.of(PostgresStore.open(database));
    }
}
