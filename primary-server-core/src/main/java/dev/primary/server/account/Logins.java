package dev.primary.server.account;

import dev.primary.protocol.admin.AccountTokenRequest;
import dev.primary.protocol.admin.CreatedAccountToken;
import dev.primary.protocol.admin.LoginRequest;
import dev.primary.server.licensing.LicensingStore;
import java.time.Duration;
import java.util.Optional;

/**
 * An account's name and password exchanged for a short-lived API token (the web console's session), behind a
 * {@link LoginThrottle}. The throttle is asked before the password is hashed, so a guesser cannot make the server
 * hash without bound; an unknown name costs the same hash as a known one, so timing does not tell which names exist.
 */
public final class Logins {
    /** How long a login's token works: a working day. */
    public static final Duration SESSION = Duration.ofHours(12);

    private final Accounts accounts;
    private final LicensingStore store;
    private final PasswordHashing hashing;
    private final LoginThrottle throttle;
    private volatile String decoy;

    public Logins(Accounts accounts, LicensingStore store, PasswordHashing hashing, LoginThrottle throttle) {
        this.accounts = accounts;
        this.store = store;
        this.hashing = hashing;
        this.throttle = throttle;
    }

    /**
     * A new API token of the account, valid for {@link #SESSION}.
     *
     * @param source the address the login came from
     * @throws LoginThrottledException when too many logins failed for the name or from the address
     * @throws LoginRefusedException when the name or password is wrong or the account disabled
     */
    public CreatedAccountToken login(LoginRequest request, String source) {
        Optional<Duration> blocked = throttle.blockedFor(request.name(), source);
        if (blocked.isPresent()) {
            throw new LoginThrottledException(blocked.get());
        }
        Optional<Account> account = store.read(reads -> reads.account(request.name()));
        boolean matches = hashing.matches(request.password(),
                account.map(Account::passwordHash).orElseGet(this::decoy));
        if (account.isEmpty() || !matches || account.get().disabled()) {
            throttle.failed(request.name(), source);
            throw new LoginRefusedException();
        }
        throttle.succeeded(request.name());
        return accounts.createToken(request.name(), new AccountTokenRequest("login from " + source,
                SESSION.toSeconds()), request.name());
    }

    private String decoy() {
        String value = decoy;
        if (value == null) {
            value = hashing.hash("a password no account has");
            decoy = value;
        }
        return value;
    }
}
