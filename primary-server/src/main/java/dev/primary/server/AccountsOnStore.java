package dev.primary.server;

import dev.primary.server.account.Accounts;
import dev.primary.server.licensing.LicensingStore;
import dev.primary.server.password.Argon2idHashing;
import java.time.Clock;
import java.util.Optional;

/** The admin API's accounts, kept in the backend's store, with passwords hashed by {@link Argon2idHashing#DEFAULT}. */
final class AccountsOnStore {
    private AccountsOnStore() {}

    /** Accounts on the backend's store; empty for a backend whose store keeps none (a test's stand-in). */
    static Optional<Accounts> of(LicensingBackend backend, Clock clock) {
        return backend.store() instanceof LicensingStore store
                ? Optional.of(new Accounts(store, new Argon2idHashing(Argon2idHashing.DEFAULT), clock))
                : Optional.empty();
    }
}
