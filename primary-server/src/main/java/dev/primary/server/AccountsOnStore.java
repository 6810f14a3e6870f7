package dev.primary.server;

import dev.primary.server.account.AccountServices;
import dev.primary.server.account.Accounts;
import dev.primary.server.account.LoginThrottle;
import dev.primary.server.account.Logins;
import dev.primary.server.licensing.LicensingStore;
import dev.primary.server.password.Argon2idHashing;
import java.time.Clock;
import java.util.Optional;

/**
 * The admin API's accounts, kept in the backend's store, with passwords hashed by {@link Argon2idHashing#DEFAULT} and
 * logins bounded by {@link LoginThrottle.Limits#DEFAULT}.
 */
final class AccountsOnStore {
    private AccountsOnStore() {}

    /** Accounts on the backend's store; empty for a backend whose store keeps none (a test's stand-in). */
    static Optional<AccountServices> of(LicensingBackend backend, Clock clock) {
        if (!(backend.store() instanceof LicensingStore store)) {
            return Optional.empty();
        }
        Argon2idHashing hashing = new Argon2idHashing(Argon2idHashing.DEFAULT);
        Accounts accounts = new Accounts(store, hashing, clock);
        return Optional.of(new AccountServices(accounts,
                new Logins(accounts, store, hashing, new LoginThrottle(LoginThrottle.Limits.DEFAULT, clock))));
    }
}
