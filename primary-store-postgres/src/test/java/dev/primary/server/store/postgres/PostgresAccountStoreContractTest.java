package dev.primary.server.store.postgres;

import dev.primary.server.store.contract.AccountStoreContract;
import dev.primary.server.store.contract.StoreUnderTest;
import org.junit.jupiter.api.BeforeEach;

/** The accounts part of the store contract on a real PostgreSQL (embedded, started by the test), one database per test. */
class PostgresAccountStoreContractTest extends AccountStoreContract {
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
