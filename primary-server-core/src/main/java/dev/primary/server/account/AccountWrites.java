package dev.primary.server.account;

/** What the accounts side changes in the store. */
public interface AccountWrites extends AccountReads {

    /** Saves a new account; its name must be free. */
    void insertAccount(Account account);

    /** Saves an account's role, password hash and disabled time. */
    void updateAccount(Account account);

    void insertAccountToken(AccountToken token);

    /** Saves a token's revocation. */
    void updateAccountToken(AccountToken token);
}
