package dev.primary.server.account;

import java.util.List;
import java.util.Optional;

/** What the accounts side reads from the store. */
public interface AccountReads {

    Optional<Account> account(String name);

    /** Every account, by name. */
    List<Account> accounts();

    Optional<AccountToken> accountToken(String id);

    /** An account's tokens, newest first. */
    List<AccountToken> accountTokens(String account);
}
