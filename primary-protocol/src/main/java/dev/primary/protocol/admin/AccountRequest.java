package dev.primary.protocol.admin;

import java.util.Objects;

/**
 * {@code POST /admin/v1/accounts}: a new account.
 *
 * @param name its name ({@link AccountName})
 * @param role what it may do
 * @param password its password (see {@link AccountPassword} for the rule); sent only over the admin port's TLS
 */
public record AccountRequest(String name, AccountRole role, String password) {
    public AccountRequest {
        AccountName.require(name);
        Objects.requireNonNull(role, "role is required: viewer, operator or administrator");
        AccountPassword.check(password);
    }

    @Override
    public String toString() {
        return "AccountRequest[name=" + name + ", role=" + role + ", password=(hidden)]";
    }
}
