package dev.primary.server.account;

import java.util.Objects;

/** What the admin port needs of accounts: their administration and the login. */
public record AccountServices(Accounts accounts, Logins logins) {
    public AccountServices {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(logins, "logins");
    }
}
