package dev.primary.server.account;

import dev.primary.protocol.admin.AccountName;
import dev.primary.protocol.admin.AccountRole;
import dev.primary.protocol.admin.AccountView;
import java.time.Instant;
import java.util.Objects;

/**
 * An account as the server keeps it.
 *
 * @param passwordHash the encoded hash of its password ({@link PasswordHashing}); never the password
 * @param disabledAt when it was disabled; {@code null} while active
 */
public record Account(String name, AccountRole role, String passwordHash, Instant createdAt, String createdBy,
        Instant disabledAt) {
    public Account {
        AccountName.require(name);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        createdBy = createdBy == null ? "" : createdBy;
    }

    public boolean disabled() {
        return disabledAt != null;
    }

    public Account withRole(AccountRole value) {
        return new Account(name, value, passwordHash, createdAt, createdBy, disabledAt);
    }

    public Account withPasswordHash(String value) {
        return new Account(name, role, value, createdAt, createdBy, disabledAt);
    }

    public Account disabledAt(Instant at) {
        return new Account(name, role, passwordHash, createdAt, createdBy, at);
    }

    public AccountView view() {
        return new AccountView(name, role, createdAt, createdBy, disabledAt);
    }

    @Override
    public String toString() {
        return "Account[name=" + name + ", role=" + role.wireName() + ", disabled=" + disabled() + "]";
    }
}
